package com.openfulfil.dropship.commission;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.commission");
    }

    @Test
    void reachesOtherModulesOnlyThroughTheContractAndServiceSupport() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.commission");
    }
}
