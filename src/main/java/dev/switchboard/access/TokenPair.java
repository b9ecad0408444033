package dev.switchboard.access;

/** A freshly issued signed access token and its opaque, single-use refresh token. */
public record TokenPair(String accessToken, long expiresInSeconds, String refreshToken) {}
