package dev.switchboard.support;

/** The Redis suite's switch: {@code .ci/run} passes {@code -Dswitchboard.test.redis-url}. */
public final class RedisTestServer extends ExternalService {
  public static final String URL_PROPERTY = "switchboard.test.redis-url";

  public RedisTestServer() {
    super(URL_PROPERTY, "Redis");
  }

  public static String url() {
    return new RedisTestServer().address();
  }
}
