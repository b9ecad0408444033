package dev.switchboard.idempotency;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import java.time.Instant;
import java.util.List;

/**
 * What is kept for a key: the request's fingerprint, and while the first request runs only a
 * lease ({@code inProgressUntil}); once it finished either the id of what it made ({@code
 * resultId}) or the refusal it got ({@code refusal}).
 */
public record StoredOutcome(
    String fingerprint, Instant inProgressUntil, String resultId, Refusal refusal) {

  public boolean finished() {
    return inProgressUntil == null;
  }

  /** A refusal as the first request got it, so that a replay is refused in the same words. */
  public record Refusal(
      ErrorCode code, ErrorReason reason, String messageTemplate, List<String> detailTemplates) {
    public Refusal {
      detailTemplates = List.copyOf(detailTemplates);
    }

    public static Refusal of(DomainException e) {
      return new Refusal(e.code(), e.reason().orElse(null), e.messageTemplate(), e.detailTemplates());
    }

    public DomainException toException() {
      return new DomainException(code, reason, messageTemplate, detailTemplates);
    }
  }
}
