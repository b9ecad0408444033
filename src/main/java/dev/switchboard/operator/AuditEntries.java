package dev.switchboard.operator;

import java.util.List;

/** Storage port for the audit log: append-only. */
public interface AuditEntries {
  void insert(AuditEntry entry);

  /** Entries matching the query, newest first, at most {@code limit + 1} (to tell if more exist). */
  List<AuditEntry> find(AuditQuery query);
}
