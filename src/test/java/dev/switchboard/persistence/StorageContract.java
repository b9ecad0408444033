package dev.switchboard.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What each storage contract stands on: a migrated database and the rows it writes first. */
interface StorageContract {
  JdbcClient jdbc();

  /** The same database as {@link #jdbc()}, for adapters built on JdbcTemplate. */
  JdbcTemplate template();

  default StorageRows rows() {
    return new StorageRows(jdbc());
  }
}
