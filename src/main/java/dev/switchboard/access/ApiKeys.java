package dev.switchboard.access;

import java.util.Optional;

/** Storage port for domain API keys (hashed). */
public interface ApiKeys {
  void insert(ApiKey key, String keyHash);

  Optional<ApiKey> findByHash(String keyHash);
}
