package dev.switchboard.access;

import dev.switchboard.access.DeviceSession.DeviceInfo;
import dev.switchboard.shared.Violations;
import java.util.Set;

/** A request to open a device session, with Amity's field limits. */
public record OpenDeviceSession(
    String userId, String deviceId, DeviceInfo device, String displayName, String authToken) {
  private static final Set<String> KINDS = Set.of("ios", "android", "web", "node");

  public void validate() {
    DeviceInfo info = device == null ? DeviceInfo.NONE : device;
    new Violations()
        .check(userId != null && !userId.isEmpty() && userId.length() <= 50,
            "userId must be between 1 and 50 characters")
        .check(deviceId != null && !deviceId.isEmpty() && deviceId.length() <= 150,
            "deviceId must be between 1 and 150 characters")
        .check(info.kind() == null || KINDS.contains(info.kind()),
            "deviceInfo.kind must be one of ios, android, web, node")
        .maxLength("deviceInfo.model", info.model(), 100)
        .maxLength("deviceInfo.sdkVersion", info.sdkVersion(), 30)
        .maxLength("displayName", displayName, 100)
        .check(authToken == null || (!authToken.isEmpty() && authToken.length() <= 100),
            "authToken must be between 1 and 100 characters")
        .throwIfAny();
  }
}
