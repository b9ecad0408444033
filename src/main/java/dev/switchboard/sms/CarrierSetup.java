package dev.switchboard.sms;

/**
 * Which carrier this node sends through: "smpp", "http", or none. A plain value rather than the
 * gateway itself, so the outbox can refuse SMS without depending on the gateway (which depends
 * on the outbox for receipts).
 */
public record CarrierSetup(String carrier) {
  public static final CarrierSetup NONE = new CarrierSetup(null);

  public boolean configured() {
    return carrier != null;
  }
}
