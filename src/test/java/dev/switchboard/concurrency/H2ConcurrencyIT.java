package dev.switchboard.concurrency;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class H2ConcurrencyIT extends ApiTestBase implements ConcurrencyContract {
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
