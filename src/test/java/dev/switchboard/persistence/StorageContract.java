package dev.switchboard.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What each storage contract stands on: a migrated database and the rows it writes first. */
interface StorageContract {
  JdbcClient jdbc();

  default StorageRows rows() {
    return new StorageRows(jdbc());
  }
}
