package dev.switchboard.realtime.gateway;

import org.springframework.web.socket.CloseStatus;

/** Why the server closes a realtime connection (documented in docs/realtime.md). */
final class CloseCodes {
  static final CloseStatus INVALID_TOKEN = new CloseStatus(4001, "invalid or expired token");
  /** The user was disabled or deleted, or his domain deleted, while connected. */
  static final CloseStatus ACCESS_REVOKED = new CloseStatus(4003, "access revoked");
  static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4002, "authentication timeout");
  static final CloseStatus TOO_SLOW = new CloseStatus(4008, "resync: consumer too slow");
  static final CloseStatus HEARTBEAT_TIMEOUT = new CloseStatus(4009, "heartbeat timeout");

  private CloseCodes() {}
}
