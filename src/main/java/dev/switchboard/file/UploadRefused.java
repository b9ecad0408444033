package dev.switchboard.file;

/** Published when an upload is refused, whether or not a transaction is open. */
public record UploadRefused(UploadRefusal refusal) {}
