package dev.switchboard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules bite: each probe (a test class placed in a production package) breaks one
 * rule, and the code with the probe added fails exactly that rule, naming the probe.
 */
class ArchitectureProbesTest {
  private static final String MESSAGE_PROBE = "dev.switchboard.message.ProbeHoldingConversationStorage";
  private static final String CYCLE_PROBE = "dev.switchboard.conversation.ProbeHoldingMessageService";
  private static final String DIALECT_PROBE = "dev.switchboard.api.files.ProbeImportingAmityErrors";
  private static final String NAME_PROBE = "dev.switchboard.message.ProbeSharingASimpleName$MessageService";

  @Test
  void aModuleHoldingAnotherModulesStorageAdapterIsCaught() {
    assertCaught(MESSAGE_PROBE, ArchitectureRules::storageIsPrivateToItsModule, "message", "conversation");
  }

  @Test
  void aDependencyThatClosesACycleBetweenModulesIsCaught() {
    assertCaught(CYCLE_PROBE, modules -> ArchitectureRules.noCyclesBetweenModules(), "message", "conversation");
  }

  @Test
  void aDialectImportingAnotherIsCaught() {
    assertCaught(DIALECT_PROBE, ArchitectureRules::dialectsAreIndependent, "api");
  }

  @Test
  void aSecondClassWithAnExistingSimpleNameIsCaught() {
    assertCaught(NAME_PROBE, modules -> ArchitectureRules.simpleNamesAreUnique(), "message");
  }

  /** The probe with the modules it touches (importing only those keeps the test fast). */
  private static void assertCaught(String probe, Function<Modules, ArchRule> rule, String... modules) {
    JavaClasses withProbe = classesAnd(probe, modules);
    assertThat(withProbe.contain(probe)).isTrue();
    EvaluationResult result = rule.apply(Modules.of(withProbe)).evaluate(withProbe);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(probe.substring(probe.lastIndexOf('.') + 1));
    // The code without the probe keeps the rule.
    JavaClasses without = Modules.mainClasses();
    assertThat(rule.apply(Modules.of(without)).evaluate(without).hasViolation()).isFalse();
  }

  private static JavaClasses classesAnd(String probe, String... modules) {
    ImportOption mainOrProbe =
        location ->
            ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                || isClassFile(location, probe);
    String[] packages = java.util.Arrays.stream(modules).map(Modules::pkg).toArray(String[]::new);
    return new ClassFileImporter().withImportOption(mainOrProbe).importPackages(packages);
  }

  private static boolean isClassFile(Location location, String className) {
    return location.contains(className.replace('.', '/') + ".class");
  }
}
