package com.openfulfil.dropship.support.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service follows (docs/architecture.md, "Modules"): {@code domain} holds pure rules,
 * free of Spring and Kafka.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    public static void checkDomainIsPure(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        servicePackage + ".web..", servicePackage + ".stream..", servicePackage + ".config..",
                        servicePackage + ".connector..")
                .because("domain rules must be testable without Spring or Kafka")
                .check(classes);
    }
}
