package com.openfulfil.dropship.tracking;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.tracking");
    }

    @Test
    void reachesOtherModulesOnlyThroughTheContractAndServiceSupport() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.tracking");
    }
}
