package com.openfulfil.dropship.manifests;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The manifests are generated from the contract's topic registry and this module's own description
 * of the deployment, never from a service's classes: a service's settings reach the manifests as
 * environment variables, which a service reads like any other configuration.
 */
class ArchitectureTest {
    @Test
    void readsOnlyTheContract() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.openfulfil.dropship..")
                        .and(not(resideInAnyPackage("com.openfulfil.dropship.manifests..",
                                "com.openfulfil.dropship.events.."))))
                .because("the generator knows the services only by name, port and the topics they own")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.openfulfil.dropship.manifests"));
    }
}
