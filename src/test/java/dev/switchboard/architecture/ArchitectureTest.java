package dev.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, enforced: the core knows nothing of HTTP, JSON or SQL outside its
 * {@code internal} storage packages; dialects never import each other; the core never imports
 * the API or realtime layers.
 */
class ArchitectureTest {
  private static final String[] CORE = {
    "dev.switchboard.shared..",
    "dev.switchboard.tenant..",
    "dev.switchboard.user..",
    "dev.switchboard.access..",
    "dev.switchboard.conversation..",
    "dev.switchboard.message..",
    "dev.switchboard.wallet..",
    "dev.switchboard.file..",
    "dev.switchboard.sms..",
    "dev.switchboard.session..",
    "dev.switchboard.ratelimit.."
  };
  private static final List<String> DIALECTS = List.of("admin", "allmine", "amity", "netsapiens");

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.switchboard");
  }

  @Test
  void coreOutsideInternalUsesNoWebJsonServletOrJdbcTypes() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .and()
            .resideOutsideOfPackage("..internal..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework.web..",
                "org.springframework.http..",
                "org.springframework.jdbc..",
                "org.springframework.dao..",
                "jakarta.servlet..",
                "tools.jackson..",
                "com.fasterxml.jackson..",
                "java.sql..",
                "javax.sql..")
            .because("the core is framework-free and HTTP-free (DESIGN.md, principle 2)");
    rule.check(classes);
  }

  @Test
  void coreNeverImportsApiOrRealtime() {
    noClasses()
        .that()
        .resideInAnyPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.switchboard.api..", "dev.switchboard.realtime..", "dev.switchboard.config..")
        .check(classes);
  }

  @Test
  void noDialectImportsAnother() {
    for (String dialect : DIALECTS) {
      String[] others =
          DIALECTS.stream()
              .filter(other -> !other.equals(dialect))
              .map(other -> "dev.switchboard.api." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("dev.switchboard.api." + dialect + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void storageAdaptersAreOnlyUsedByTheirOwnModuleAndWiring() {
    noClasses()
        .that()
        .resideInAPackage("dev.switchboard.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..internal..")
        .check(classes);
  }
}
