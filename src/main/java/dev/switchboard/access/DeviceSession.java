package dev.switchboard.access;

import java.time.Instant;

/** A session opened for one device of a user; its id travels in the access token as "sid". */
public record DeviceSession(
    String tenantId,
    String id,
    String userId,
    String deviceId,
    DeviceInfo device,
    Instant issuedAt,
    Instant expiresAt) {

  /** What the client says about the device; every part optional. */
  public record DeviceInfo(String kind, String model, String sdkVersion) {
    public static final DeviceInfo NONE = new DeviceInfo(null, null, null);
  }
}
