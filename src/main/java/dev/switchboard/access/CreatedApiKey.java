package dev.switchboard.access;

/** The one moment the plain key exists outside its holder's hands. */
public record CreatedApiKey(String keyId, String key, ApiKey apiKey) {}
