package dev.switchboard.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The modules as the packages say they are, never typed by hand: every package right under
 * {@code dev.switchboard} is a module; {@code api}, {@code realtime} and {@code config} are the
 * outer layers, the rest is the core; every package right under {@code api} but {@code web} (what
 * they share) is a dialect. {@code migration} (the command that copies a whole database to
 * another server, every table by design, with plain JDBC) is outer too.
 */
record Modules(List<String> all, List<String> core, List<String> dialects) {
  static final String ROOT = "dev.switchboard";
  static final Set<String> OUTER = Set.of("api", "realtime", "config", "migration");

  static Modules of(JavaClasses classes) {
    Set<String> top = new TreeSet<>();
    Set<String> dialects = new TreeSet<>();
    for (JavaClass c : classes) {
      String[] parts = c.getPackageName().split("\\.");
      if (parts.length > 2 && c.getPackageName().startsWith(ROOT + ".")) {
        top.add(parts[2]);
        if (parts[2].equals("api") && parts.length > 3 && !parts[3].equals("web")) {
          dialects.add(parts[3]);
        }
      }
    }
    List<String> core = top.stream().filter(m -> !OUTER.contains(m)).toList();
    return new Modules(List.copyOf(top), core, List.copyOf(dialects));
  }

  private static JavaClasses main;

  /** The production classes, imported once per test JVM (an import takes seconds). */
  static synchronized JavaClasses mainClasses() {
    if (main == null) {
      main =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages(ROOT);
    }
    return main;
  }

  static String pkg(String module) {
    return ROOT + "." + module;
  }

  String[] corePackages() {
    return core.stream().map(m -> pkg(m) + "..").toArray(String[]::new);
  }
}
