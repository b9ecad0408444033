package dev.switchboard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The code keeps every rule of {@link ArchitectureRules}. */
class ArchitectureTest {
  private static JavaClasses classes;
  private static Modules modules;

  @BeforeAll
  static void importMainClasses() {
    classes = Modules.mainClasses();
    modules = Modules.of(classes);
  }

  @Test
  void modulesAreFoundFromThePackages() {
    assertThat(modules.core()).contains("conversation", "message", "feed", "messagesession", "operator", "shared");
    assertThat(modules.dialects()).contains("admin", "allmine", "amity", "netsapiens", "files", "carrier");
    assertThat(modules.dialects()).doesNotContain("web");
  }

  @Test
  void coreIsFrameworkFree() {
    ArchitectureRules.coreIsFrameworkFree(modules).check(classes);
  }

  @Test
  void coreNeverImportsTheOuterLayers() {
    ArchitectureRules.coreNeverImportsTheOuterLayers(modules).check(classes);
  }

  @Test
  void noCyclesBetweenModules() {
    ArchitectureRules.noCyclesBetweenModules().check(classes);
  }

  @Test
  void storageIsPrivateToItsModule() {
    ArchitectureRules.storageIsPrivateToItsModule(modules).check(classes);
  }

  @Test
  void dialectsAreIndependent() {
    ArchitectureRules.dialectsAreIndependent(modules).check(classes);
  }

  @Test
  void simpleNamesAreUnique() {
    ArchitectureRules.simpleNamesAreUnique().check(classes);
  }

  @Test
  void everyRuleIsCheckedHere() {
    for (ArchRule rule : ArchitectureRules.all(modules)) {
      rule.check(classes);
    }
  }
}
