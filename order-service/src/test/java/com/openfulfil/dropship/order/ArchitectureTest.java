package com.openfulfil.dropship.order;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.order");
    }

    @Test
    void reachesOtherModulesOnlyThroughTheContractAndServiceSupport() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.order");
    }
}
