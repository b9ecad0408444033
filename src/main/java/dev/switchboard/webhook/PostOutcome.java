package dev.switchboard.webhook;

/**
 * What one post came to: a 2xx is delivered; anything else (another status, a timeout, a refused
 * or unreachable address) is a failed attempt with its status code (null when no answer) and a
 * short reason without secrets.
 */
public record PostOutcome(boolean delivered, Integer statusCode, String error) {
  public static PostOutcome answered(int statusCode) {
    boolean ok = statusCode >= 200 && statusCode < 300;
    return new PostOutcome(ok, statusCode, ok ? null : "endpoint answered " + statusCode);
  }

  public static PostOutcome failed(String error) {
    return new PostOutcome(false, null, error);
  }
}
