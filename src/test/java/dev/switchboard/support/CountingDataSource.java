package dev.switchboard.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts what the code above it costs the database: connections taken from
 * the pool, statements executed (with their SQL, to say which ones when a count is off) and
 * commits. JDBC proxies, so the count is what reaches the driver, whatever built the statement.
 */
public final class CountingDataSource extends DelegatingDataSource {
  private final AtomicInteger checkouts = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final List<String> statements = new ArrayList<>();

  public CountingDataSource(DataSource target) {
    super(target);
  }

  /** Starts counting from zero. */
  public synchronized void reset() {
    checkouts.set(0);
    commits.set(0);
    statements.clear();
  }

  public int checkouts() {
    return checkouts.get();
  }

  public int commits() {
    return commits.get();
  }

  /** The SQL of every statement executed since the last reset, in order. */
  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  @Override
  public Connection getConnection() throws java.sql.SQLException {
    checkouts.incrementAndGet();
    return connection(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws java.sql.SQLException {
    checkouts.incrementAndGet();
    return connection(super.getConnection(username, password));
  }

  private synchronized void executed(String sql) {
    statements.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (method, args, result) -> {
      switch (method.getName()) {
        case "commit" -> commits.incrementAndGet();
        case "prepareStatement" -> {
          return proxy(PreparedStatement.class, result, statement((String) args[0]));
        }
        case "prepareCall" -> {
          return proxy(CallableStatement.class, result, statement((String) args[0]));
        }
        case "createStatement" -> {
          return proxy(Statement.class, result, statement(null));
        }
        default -> { }
      }
      return result;
    });
  }

  private After statement(String preparedSql) {
    return (method, args, result) -> {
      if (method.getName().startsWith("execute")) {
        executed(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
      }
      return result;
    };
  }

  /** What to do after a call went through to the real object; returns what the caller gets. */
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Object target, After after) {
    InvocationHandler handler = (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result);
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
