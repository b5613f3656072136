package com.openfulfil.dropship.ops;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void domainIsFreeOfSpringAndKafka() {
        ArchitectureRules.checkDomainIsPure("com.openfulfil.dropship.ops");
    }

    @Test
    void reachesOtherModulesOnlyThroughTheContractAndServiceSupport() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.ops");
    }
}
