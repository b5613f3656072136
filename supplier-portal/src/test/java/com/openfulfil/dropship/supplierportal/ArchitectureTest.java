package com.openfulfil.dropship.supplierportal;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void thePortalsRulesAreFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.supplierportal");
    }

    /** Neither the ops console nor the partner app: the portal runs alone as well as in the console's process. */
    @Test
    void reachesOnlyTheContractServiceSupportAndConsoleCommon() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.supplierportal", "com.openfulfil.dropship.console");
    }
}
