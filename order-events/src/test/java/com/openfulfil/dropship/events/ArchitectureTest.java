package com.openfulfil.dropship.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contract is what every module and every supplier builds on, so it builds on none of them. */
class ArchitectureTest {
    private static final JavaClasses CONTRACT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.openfulfil.dropship.events");

    @Test
    void dependsOnNoOtherModule() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.openfulfil.dropship..")
                        .and(not(resideInAPackage("com.openfulfil.dropship.events.."))))
                .because("services, service-support and the tools depend on the contract, never the other way")
                .check(CONTRACT);
    }

    @Test
    void needsNoFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "org.apache.kafka.streams..")
                .because("a supplier reads and writes the contract's events with plain kafka-clients and JSON")
                .check(CONTRACT);
    }
}
