package dev.switchboard.webhook;

/**
 * {@code ACTIVE} subscriptions collect and receive events; {@code SUSPENDED} ones (a delivery
 * failed for the whole retry horizon, or an operator paused them) collect nothing until
 * reactivated.
 */
public enum SubscriptionStatus {
  ACTIVE("active"),
  SUSPENDED("suspended");

  private final String dbValue;

  SubscriptionStatus(String dbValue) {
    this.dbValue = dbValue;
  }

  public String dbValue() {
    return dbValue;
  }

  public static SubscriptionStatus fromDb(String value) {
    return value.equals("active") ? ACTIVE : SUSPENDED;
  }
}
