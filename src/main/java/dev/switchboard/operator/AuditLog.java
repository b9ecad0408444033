package dev.switchboard.operator;

import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every operator action, itself listable. An entry is written in its own
 * transaction, after the action's outcome is known, so refused and failed attempts are kept too.
 */
@Service
public class AuditLog {
  private final AuditEntries entries;
  private final Ids ids;
  private final Clock clock;

  public AuditLog(AuditEntries entries, Ids ids, Clock clock) {
    this.entries = entries;
    this.ids = ids;
    this.clock = clock;
  }

  /** What an operator did, as the web layer describes it. */
  public record Action(
      String actor,
      String action,
      String tenantId,
      String domain,
      String target,
      String details,
      String clientAddress) {}

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public AuditEntry record(Action a) {
    AuditEntry entry =
        new AuditEntry(
            ids.next(),
            a.tenantId(),
            clock.instant(),
            clip(a.actor(), 100),
            clip(a.action(), 60),
            clip(a.domain(), 64),
            clip(a.target(), 200),
            clip(a.details(), 1000),
            clip(a.clientAddress(), 64));
    entries.insert(entry);
    return entry;
  }

  /** A page of entries, newest first, and the cursor of the next page (null at the end). */
  public record AuditEntryPage(List<AuditEntry> entries, String next) {}

  @Transactional(readOnly = true)
  public AuditEntryPage find(AuditQuery query) {
    List<AuditEntry> found = entries.find(query);
    boolean more = found.size() > query.limit();
    List<AuditEntry> page = more ? found.subList(0, query.limit()) : found;
    return new AuditEntryPage(page, more ? page.getLast().id() : null);
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
