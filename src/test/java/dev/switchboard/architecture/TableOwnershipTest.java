package dev.switchboard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import dev.switchboard.shared.Owns;
import dev.switchboard.shared.ReadModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Table ownership, as each module's {@code package-info} declares it with {@link Owns}: every
 * table of the schema has exactly one owner; the SQL of each storage package ({@code X.internal})
 * writes only X's tables and reads only X's tables, or other modules' tables from a {@link
 * ReadModel} that names them. The SQL is read from the string literals of the sources.
 */
class TableOwnershipTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Pattern CREATE = Pattern.compile("(?i)CREATE TABLE\\s+(\\w+)");
  private static final Pattern WRITE =
      Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+(\\w+)");
  private static final Pattern READ = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(\\w+)");
  private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

  private static Set<String> tables;
  private static Map<String, String> owners;

  @BeforeAll
  static void readSchemaAndOwners() throws Exception {
    tables = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      for (Path sql : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        Matcher m = CREATE.matcher(Files.readString(sql));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase());
        }
      }
    }
    owners = new HashMap<>();
    Modules modules = Modules.of(Modules.mainClasses());
    for (String module : modules.all()) {
      Owns owns = ownsOf(Modules.pkg(module));
      if (owns == null) {
        continue;
      }
      for (String table : owns.value()) {
        assertThat(owners.put(table, module)).as("%s is owned by one module only", table).isNull();
      }
    }
  }

  private static Owns ownsOf(String pkg) {
    try {
      return Class.forName(pkg + ".package-info").getAnnotation(Owns.class);
    } catch (ClassNotFoundException noPackageInfo) {
      return null;
    }
  }

  @Test
  void everyTableHasExactlyOneOwnerAndEveryOwnedTableExists() {
    assertThat(tables).isNotEmpty();
    assertThat(owners.keySet()).as("owned tables that the schema lacks").isSubsetOf(tables);
    assertThat(tables).as("tables nobody owns").isSubsetOf(owners.keySet());
  }

  @Test
  void storageTouchesOnlyItsModulesTablesOrNamesWhatItReads() throws Exception {
    List<String> problems = new ArrayList<>();
    for (JavaClass c : Modules.mainClasses()) {
      String[] parts = c.getPackageName().split("\\.");
      if (parts.length < 4 || !parts[3].equals("internal") || c.getEnclosingClass().isPresent()) {
        continue;
      }
      String module = parts[2];
      String sql = literals(SOURCES.resolve(c.getName().replace('.', '/') + ".java"));
      ReadModel readModel = Class.forName(c.getName()).getAnnotation(ReadModel.class);
      Set<String> mayRead = new TreeSet<>(readModel == null ? List.of() : List.of(readModel.reads()));
      for (String table : references(WRITE, sql)) {
        if (!module.equals(owners.get(table))) {
          problems.add(c.getSimpleName() + " writes " + table + " of " + owners.get(table));
        }
      }
      for (String table : references(READ, sql)) {
        if (!module.equals(owners.get(table)) && !mayRead.contains(table)) {
          problems.add(c.getSimpleName() + " reads " + table + " of " + owners.get(table)
              + " without naming it in a @ReadModel");
        }
      }
      for (String named : mayRead) {
        assertThat(owners.get(named)).as("%s reads %s, a table of another module", c.getName(), named)
            .isNotNull().isNotEqualTo(module);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    String sql = "UPDATE conversations SET x = 1 WHERE id IN (SELECT id FROM messages m JOIN files f ON 1=1)";
    assertThat(references(WRITE, sql)).containsExactly("conversations");
    assertThat(references(READ, sql)).containsExactly("files", "messages");
  }

  private static Set<String> references(Pattern pattern, String sql) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(sql);
    while (m.find()) {
      String name = m.group(1).toLowerCase();
      if (tables.contains(name)) {
        found.add(name);
      }
    }
    return found;
  }

  /** The text of every string literal of a source file (SQL lives in them). */
  private static String literals(Path source) {
    String text;
    try {
      text = Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder sql = new StringBuilder();
    Matcher m = LITERAL.matcher(text);
    while (m.find()) {
      sql.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
    }
    return sql.toString();
  }
}
