package dev.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The layering of DESIGN.md as ArchUnit rules over the modules {@link Modules} finds. Shared by
 * {@link ArchitectureTest} (the code keeps them) and {@link ArchitectureProbesTest} (each rule
 * fails on a class that breaks it).
 */
final class ArchitectureRules {
  private ArchitectureRules() {}

  /** The core knows nothing of HTTP, JSON or SQL outside its storage packages. */
  static ArchRule coreIsFrameworkFree(Modules modules) {
    return noClasses()
        .that().resideInAnyPackage(modules.corePackages())
        .and().resideOutsideOfPackages("..internal..", "dev.switchboard.shared.jdbc..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.web..", "org.springframework.http..",
            "org.springframework.jdbc..", "org.springframework.dao..", "jakarta.servlet..",
            "tools.jackson..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..")
        .because("the core is framework-free and HTTP-free (DESIGN.md, principle 2)");
  }

  /** The core never reaches out to the faces or the wiring. */
  static ArchRule coreNeverImportsTheOuterLayers(Modules modules) {
    return noClasses()
        .that().resideInAnyPackage(modules.corePackages())
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.switchboard.api..", "dev.switchboard.realtime..", "dev.switchboard.config..");
  }

  /** No two top-level modules depend on each other, directly or around a loop. */
  static ArchRule noCyclesBetweenModules() {
    return slices().matching("dev.switchboard.(*)..").should().beFreeOfCycles();
  }

  /**
   * A module's storage adapters ({@code X.internal}) are used by the module itself and the
   * wiring only; the shared JDBC support only by storage adapters.
   */
  static ArchRule storageIsPrivateToItsModule(Modules modules) {
    List<ArchRule> rules =
        modules.all().stream()
            .map(
                m ->
                    (ArchRule)
                        classes()
                            .that().resideInAPackage(Modules.pkg(m) + ".internal..")
                            .should().onlyHaveDependentClassesThat()
                            .resideInAnyPackage(Modules.pkg(m) + "..", "dev.switchboard.config..")
                            .allowEmptyShould(true))
            .toList();
    ArchRule jdbcSupport =
        classes()
            .that().resideInAPackage("dev.switchboard.shared.jdbc..")
            .should().onlyHaveDependentClassesThat()
            .resideInAnyPackage("..internal..", "dev.switchboard.shared.jdbc..")
            .allowEmptyShould(true);
    return CompositeArchRule.of(rules).and(jdbcSupport);
  }

  /** No dialect imports another; what they share lives in {@code api.web}, which imports none. */
  static ArchRule dialectsAreIndependent(Modules modules) {
    List<ArchRule> rules =
        modules.dialects().stream()
            .map(
                d ->
                    (ArchRule)
                        noClasses()
                            .that().resideInAPackage("dev.switchboard.api." + d + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(
                                modules.dialects().stream()
                                    .filter(other -> !other.equals(d))
                                    .map(other -> "dev.switchboard.api." + other + "..")
                                    .toArray(String[]::new))
                            .allowEmptyShould(true))
            .toList();
    ArchRule web =
        noClasses()
            .that().resideInAPackage("dev.switchboard.api.web..")
            .should().dependOnClassesThat().resideInAnyPackage(
                modules.dialects().stream().map(d -> "dev.switchboard.api." + d + "..").toArray(String[]::new));
    return CompositeArchRule.of(rules).and(web);
  }

  /**
   * No two classes share a simple name, nested ones included: a name means one thing everywhere,
   * and springdoc names a schema by its class's simple name, so two {@code MessageView}s would
   * silently become one schema in the OpenAPI document.
   */
  static ArchRule simpleNamesAreUnique() {
    return classes()
        .that().resideInAPackage("dev.switchboard..")
        .and().areNotAnonymousClasses()
        .and().areNotLocalClasses()
        .and().doNotHaveSimpleName("package-info")
        .should(haveASimpleNameNoOtherClassHas())
        .because("names mean one thing everywhere (issue 12) and OpenAPI schemas are named by them");
  }

  private static ArchCondition<JavaClass> haveASimpleNameNoOtherClassHas() {
    return new ArchCondition<>("have a simple name no other class has") {
      private Map<String, List<String>> namesBySimpleName = Map.of();

      @Override
      public void init(Collection<JavaClass> all) {
        namesBySimpleName =
            all.stream()
                .collect(Collectors.groupingBy(
                    JavaClass::getSimpleName,
                    Collectors.mapping(JavaClass::getName, Collectors.toList())));
      }

      @Override
      public void check(JavaClass item, ConditionEvents events) {
        List<String> same = namesBySimpleName.getOrDefault(item.getSimpleName(), List.of());
        if (same.size() > 1) {
          events.add(SimpleConditionEvent.violated(
              item, item.getName() + " shares its simple name with " + same));
        }
      }
    };
  }

  static List<ArchRule> all(Modules modules) {
    return List.of(
        coreIsFrameworkFree(modules),
        coreNeverImportsTheOuterLayers(modules),
        noCyclesBetweenModules(),
        storageIsPrivateToItsModule(modules),
        dialectsAreIndependent(modules),
        simpleNamesAreUnique());
  }
}
