package com.openfulfil.dropship.channel;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.channel");
    }

    @Test
    void reachesOtherModulesOnlyThroughTheContractAndServiceSupport() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.channel");
    }
}
