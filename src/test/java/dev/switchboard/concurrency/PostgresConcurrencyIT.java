package dev.switchboard.concurrency;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.PostgresApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PostgresConcurrencyIT extends PostgresApiTestBase implements ConcurrencyContract {
  @Autowired JdbcClient jdbc;

  @Override
  public Fixtures fixtures() {
    return fixtures;
  }

  @Override
  public JdbcClient jdbc() {
    return jdbc;
  }
}
