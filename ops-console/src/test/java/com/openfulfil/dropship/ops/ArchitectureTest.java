package com.openfulfil.dropship.ops;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private static final String OPS = "com.openfulfil.dropship.ops";
    private static final String PARTNER = "com.openfulfil.dropship.partner";
    private static final String PORTAL = "com.openfulfil.dropship.supplierportal";

    @Test
    void domainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure(OPS);
    }

    @Test
    void reachesOtherModulesOnlyThroughTheContractServiceSupportAndTheConsoleModules() {
        ArchitectureRules.checkModuleBoundaries(OPS, "com.openfulfil.dropship.console", PARTNER, PORTAL);
    }

    /** The console's pages and rules know neither app it serves; only the process's main class names them. */
    @Test
    void onlyTheProcessesMainClassNamesThePartnerAppAndTheSupplierPortal() {
        noClasses().that().resideInAPackage(OPS + "..").and().doNotHaveFullyQualifiedName(OpsConsoleApplication.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage(PARTNER + "..", PORTAL + "..")
                .because("the partner app and the supplier portal run in the console's process, or alone")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(OPS));
    }
}
