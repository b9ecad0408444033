package dev.switchboard.migration;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of every table of Switchboard's schema from one database to another (H2 to
 * PostgreSQL, or back), in one transaction on the target: all of it lands, or none. Both schemas
 * are first brought to this version's migrations; the target must be a database Switchboard has
 * never used, apart from the rows the migrations themselves insert (the default domain), which
 * are replaced by the source's. Counts are compared table by table before the commit.
 */
final class DataMigration {
  private static final int BATCH = 500;

  private final PrintStream out;

  DataMigration(PrintStream out) {
    this.out = out;
  }

  /** Returns the number of rows copied per table, in the order they were copied. */
  Map<String, Long> copy(Connection source, Connection target) throws SQLException {
    Map<String, List<String>> tables = SchemaTables.inDependencyOrder(source);
    Map<String, List<String>> targetTables = SchemaTables.inDependencyOrder(target);
    if (!tables.keySet().equals(targetTables.keySet())) {
      throw new IllegalStateException("The schemas differ: source has " + tables.keySet()
          + ", target has " + targetTables.keySet());
    }
    target.setAutoCommit(false);
    try {
      List<String> reversed = new ArrayList<>(tables.keySet());
      java.util.Collections.reverse(reversed);
      try (Statement statement = target.createStatement()) {
        for (String table : reversed) {
          statement.executeUpdate("DELETE FROM " + table);
        }
      }
      Map<String, Long> copied = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, List<String>> table : tables.entrySet()) {
        List<String> columns = table.getValue();
        if (!new HashSet<>(columns).equals(new HashSet<>(targetTables.get(table.getKey())))) {
          throw new IllegalStateException("Table " + table.getKey() + " has columns " + columns
              + " in the source but " + targetTables.get(table.getKey()) + " in the target");
        }
        long rows = copyTable(source, target, table.getKey(), columns);
        long landed = count(target, table.getKey());
        if (landed != rows) {
          throw new IllegalStateException(table.getKey() + ": " + rows + " rows read, " + landed
              + " in the target");
        }
        copied.put(table.getKey(), rows);
        out.printf("  %-28s %,d rows%n", table.getKey(), rows);
      }
      target.commit();
      return copied;
    } catch (SQLException | RuntimeException e) {
      target.rollback();
      throw e;
    }
  }

  private static long copyTable(Connection source, Connection target, String table,
      List<String> columns) throws SQLException {
    String list = String.join(", ", columns);
    String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
    long rows = 0;
    try (Statement read = source.createStatement();
        ResultSet result = read.executeQuery("SELECT " + list + " FROM " + table);
        PreparedStatement insert = target.prepareStatement(
            "INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        for (int i = 1; i <= columns.size(); i++) {
          Object value = result.getObject(i);
          if (value == null) {
            insert.setNull(i, meta.getColumnType(i));
          } else {
            insert.setObject(i, value);
          }
        }
        insert.addBatch();
        if (++rows % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return rows;
  }

  static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }
}
