package dev.switchboard.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for device sessions. Every call is scoped to one tenant. */
public interface DeviceSessions {
  void insert(DeviceSession session);

  /** Revokes the user's live sessions on this device; returns their ids. */
  List<String> revokeDevice(String tenantId, String userId, String deviceId, Instant now);

  /** Revokes one session; returns whether it was live. */
  boolean revoke(String tenantId, String sessionId, Instant now);

  /** Revokes every live session of the domain; returns how many. */
  int revokeTenant(String tenantId, Instant now);

  /** Revokes every live session of the user; returns their ids. */
  List<String> revokeUser(String tenantId, String userId, Instant now);

  /** The session, when it exists, is not revoked and has not expired. */
  Optional<DeviceSession> findLive(String tenantId, String sessionId, Instant now);
}
