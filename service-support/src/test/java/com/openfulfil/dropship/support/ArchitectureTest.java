package com.openfulfil.dropship.support;

import com.openfulfil.dropship.support.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** What every service shares knows none of them: it builds on the contract alone. */
class ArchitectureTest {
    @Test
    void knowsNoService() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.support");
    }
}
