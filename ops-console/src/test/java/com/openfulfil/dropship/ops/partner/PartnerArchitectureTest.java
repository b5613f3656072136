package com.openfulfil.dropship.ops.partner;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class PartnerArchitectureTest {
    @Test
    void thePartnerAppsRulesAreFreeOfSpring() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.ops.partner");
    }
}
