package dev.switchboard.access;

import dev.switchboard.user.User;
import java.time.Instant;

/** A freshly opened device session: its tokens and the (possibly just created) user. */
public record OpenedDeviceSession(
    String accessToken, String refreshToken, Instant issuedAt, Instant expiresAt, User user) {}
