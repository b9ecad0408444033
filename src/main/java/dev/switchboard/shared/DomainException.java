package dev.switchboard.shared;

import java.util.List;
import java.util.Optional;

/**
 * A failure the caller can act on. Carries no HTTP status: dialects render it. {@code details}
 * holds one human-readable entry per offending field or condition. Message and details may name
 * {@link Term}s ({@code "{TEXT} must not be blank"}); a dialect renders them in its own words
 * with {@link #message(Vocabulary)} and {@link #details(Vocabulary)}, and {@link #getMessage()}
 * uses Switchboard's own.
 */
public class DomainException extends RuntimeException {
  private final ErrorCode code;
  private final String template;
  private final List<String> details;
  private final ErrorReason reason;

  public DomainException(ErrorCode code, String message) {
    this(code, message, List.of());
  }

  public DomainException(ErrorCode code, String message, List<String> details) {
    this(code, null, message, details);
  }

  public DomainException(ErrorCode code, ErrorReason reason, String message, List<String> details) {
    super(Term.render(message, Vocabulary.NATIVE));
    this.code = code;
    this.reason = reason;
    this.template = message;
    this.details = List.copyOf(details);
  }

  public ErrorCode code() {
    return code;
  }

  /** The message as raised, its terms unrendered (to keep a refusal and raise it again later). */
  public String messageTemplate() {
    return template;
  }

  /** The details as raised, their terms unrendered. */
  public List<String> detailTemplates() {
    return details;
  }

  /** The message in a dialect's words. */
  public String message(Vocabulary vocabulary) {
    return Term.render(template, vocabulary);
  }

  /** One entry per offending field or condition, in a dialect's words. */
  public List<String> details(Vocabulary vocabulary) {
    return details.stream().map(d -> Term.render(d, vocabulary)).toList();
  }

  /** The details in Switchboard's own words. */
  public List<String> details() {
    return details(Vocabulary.NATIVE);
  }

  /** The finer reason some dialects render with their own code; empty for most failures. */
  public Optional<ErrorReason> reason() {
    return Optional.ofNullable(reason);
  }

  public static DomainException notFound(String what) {
    return new DomainException(ErrorCode.NOT_FOUND, what + " not found");
  }

  public static DomainException notFound(Term what) {
    return notFound(what.toString());
  }

  public static DomainException invalid(String detail) {
    return new DomainException(ErrorCode.INVALID_ARGUMENT, "Validation failed", List.of(detail));
  }

  public static DomainException forbidden(String message) {
    return new DomainException(ErrorCode.FORBIDDEN, message);
  }

  /** A refusal with a reason (not a member, muted, banned) that a dialect may render apart. */
  public static DomainException forbidden(ErrorReason reason, String message) {
    return new DomainException(ErrorCode.FORBIDDEN, reason, message, List.of());
  }

  public static DomainException conflict(String message) {
    return new DomainException(ErrorCode.CONFLICT, message);
  }

  public static DomainException unauthenticated(String message) {
    return new DomainException(ErrorCode.UNAUTHENTICATED, message);
  }
}
