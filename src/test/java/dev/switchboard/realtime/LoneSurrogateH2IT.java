package dev.switchboard.realtime;

import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;

class LoneSurrogateH2IT extends ApiTestBase implements LoneSurrogateContract {
  @Override
  public Fixtures fixtures() {
    return fixtures;
  }

  @Override
  public int port() {
    return port;
  }
}
