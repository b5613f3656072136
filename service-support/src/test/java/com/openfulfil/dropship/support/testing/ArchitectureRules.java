package com.openfulfil.dropship.support.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service follows (docs/architecture.md, "Modules"): {@code domain} holds pure rules,
 * free of Spring and Kafka; and a module reaches the others only through the contract
 * ({@code order-events}) and what every service shares ({@code service-support}).
 */
public final class ArchitectureRules {
    private static final String PROJECT = "com.openfulfil.dropship";

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

    /**
     * The module's code depends on no other module's but the contract's and service-support's: services
     * talk through topics and HTTP, never through each other's classes, and service-support knows no
     * service.
     */
    public static void checkModuleBoundaries(String modulePackage) {
        checkModuleBoundaries(modulePackage, new String[0]);
    }

    /**
     * As {@link #checkModuleBoundaries(String)}, and the module may also use the packages of the named
     * modules it is built on (the console's apps on console-common).
     */
    public static void checkModuleBoundaries(String modulePackage, String... alsoUses) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(modulePackage);
        List<String> allowed = new ArrayList<>(
                List.of(modulePackage + "..", PROJECT + ".events..", PROJECT + ".support.."));
        for (String used : alsoUses) {
            allowed.add(used + "..");
        }
        noClasses().that().resideInAPackage(modulePackage + "..")
                .should().dependOnClassesThat(resideInAPackage(PROJECT + "..")
                        .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
                .because("modules meet through the contract (order-events) and service-support only"
                        + (alsoUses.length == 0 ? "" : ", and what they are built on: " + String.join(", ", alsoUses)))
                .check(classes);
    }
}
