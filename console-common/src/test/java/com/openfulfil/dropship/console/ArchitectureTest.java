package com.openfulfil.dropship.console;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    /** What the three apps share knows none of them, nor any service. */
    @Test
    void reachesOnlyTheContractAndServiceSupport() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.console");
    }
}
