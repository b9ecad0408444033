package dev.switchboard.realtime;

import dev.switchboard.support.PostgresApiTestBase;
import dev.switchboard.support.Fixtures;

class LoneSurrogatePostgresIT extends PostgresApiTestBase implements LoneSurrogateContract {
  @Override
  public Fixtures fixtures() {
    return fixtures;
  }

  @Override
  public int port() {
    return port;
  }
}
