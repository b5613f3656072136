package com.openfulfil.dropship.local;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The launcher starts the broker and every service as processes of their own and talks to them as a
 * user would, over HTTP and Kafka: it speaks the contract, runs the sales channels' simulators, and
 * never calls a service's classes, so what it measures and tests is what a deployment runs.
 */
class ArchitectureTest {
    @Test
    void speaksOnlyTheContract() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.openfulfil.dropship..")
                        .and(not(resideInAnyPackage("com.openfulfil.dropship.local..",
                                "com.openfulfil.dropship.events..", "com.openfulfil.dropship.channelsim.."))))
                .because("services run as separate processes, never in the launcher's JVM")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.openfulfil.dropship.local"));
    }
}
