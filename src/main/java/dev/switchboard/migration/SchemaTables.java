package dev.switchboard.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables of Switchboard's schema as the database itself describes them, in an order where
 * every table comes after the tables its foreign keys point at. Read from the database's
 * metadata, never from a list kept by hand: a table added by a later migration is part of it.
 */
final class SchemaTables {
  /** Flyway's own bookkeeping: each database has its own, written by its own migrations. */
  static final String FLYWAY_HISTORY = "flyway_schema_history";

  private SchemaTables() {}

  /** Table name → its columns, parents before children. */
  static Map<String, List<String>> inDependencyOrder(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        String table = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!table.equals(FLYWAY_HISTORY)) {
          parents.put(table, new LinkedHashSet<>());
        }
      }
    }
    for (String table : parents.keySet()) {
      try (ResultSet keys = meta.getImportedKeys(null, schema, table)) {
        while (keys.next()) {
          String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(table)) {
            parents.get(table).add(parent);
          }
        }
      }
    }
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    while (ordered.size() < parents.size()) {
      int before = ordered.size();
      for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
        if (!ordered.containsKey(entry.getKey())
            && ordered.keySet().containsAll(entry.getValue())) {
          ordered.put(entry.getKey(), columns(meta, schema, entry.getKey()));
        }
      }
      if (ordered.size() == before) {
        throw new IllegalStateException("Foreign keys form a cycle among " + parents.keySet());
      }
    }
    return ordered;
  }

  private static List<String> columns(DatabaseMetaData meta, String schema, String table)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return columns;
  }
}
