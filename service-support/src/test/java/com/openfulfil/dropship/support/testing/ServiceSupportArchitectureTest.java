package com.openfulfil.dropship.support.testing;

import org.junit.jupiter.api.Test;

class ServiceSupportArchitectureTest {
    @Test
    void knowsNoService() {
        ArchitectureRules.checkModuleBoundaries("com.openfulfil.dropship.support");
    }
}
