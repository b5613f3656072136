package com.openfulfil.dropship.partner;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void thePartnerAppsRulesAreFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.partner");
    }

    /** Neither the ops console nor the supplier portal: the app runs alone as well as in the console's process. */
    @Test
    void reachesOnlyTheContractServiceSupportAndConsoleCommon() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.partner", "com.openfulfil.dropship.console");
    }
}
