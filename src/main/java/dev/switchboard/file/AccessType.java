package dev.switchboard.file;

/**
 * Who may read a file besides its owner (Amity's {@code accessType}): everyone in the domain, or
 * only members of conversations it was shared into.
 */
public enum AccessType {
  PUBLIC,
  PRIVATE
}
