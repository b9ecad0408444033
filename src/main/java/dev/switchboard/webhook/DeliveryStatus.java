package dev.switchboard.webhook;

/** queued -> sending -> delivered | failed; sending -> queued when an attempt is retried. */
public enum DeliveryStatus {
  QUEUED("queued"),
  SENDING("sending"),
  DELIVERED("delivered"),
  FAILED("failed");

  private final String dbValue;

  DeliveryStatus(String dbValue) {
    this.dbValue = dbValue;
  }

  public String dbValue() {
    return dbValue;
  }

  public static DeliveryStatus fromDb(String value) {
    for (DeliveryStatus s : values()) {
      if (s.dbValue.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown delivery status " + value);
  }
}
