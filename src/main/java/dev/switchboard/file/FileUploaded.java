package dev.switchboard.file;

/** Published inside the transaction that recorded an uploaded file. */
public record FileUploaded(StoredFile file) {}
