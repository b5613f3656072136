package com.openfulfil.dropship.channelsim;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The simulated stores answer as Shopify, WooCommerce and Amazon do, so they know channel-gateway only
 * by what it sends them over HTTP: never its classes, which would let a simulator agree with a
 * connector's mistake.
 */
class ArchitectureTest {
    @Test
    void knowTheGatewayOnlyOverHttp() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.openfulfil.dropship..")
                        .and(not(resideInAnyPackage("com.openfulfil.dropship.channelsim..",
                                "com.openfulfil.dropship.events.."))))
                .because("a simulator stands for the platform, not for our connector")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.openfulfil.dropship.channelsim"));
    }
}
