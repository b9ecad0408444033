package dev.switchboard.realtime;

/** A change was written to the log; it is announced to the bus once its transaction commits. */
public record ChangeAppended(Change change) {}
