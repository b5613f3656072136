package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web pages of the ops console module in headless Chromium, over one running pipeline (the
 * {@link SharedStack}: the broker, the five services and the console as processes, the simulated
 * suppliers and carriers): the partner app, the supplier portal (lyon-linen answers its dispatches
 * there) and the ops console's stuck orders (a delivered or dispatched order counts as stuck after
 * one second). One stack for these and the hostile requests keeps the test suite short; each
 * audience gets its own browser, and each check looks only at its own orders.
 */
@ExtendWith(SharedStack.class)
class ConsoleBrowserIT {
    private static LocalStack stack;

    @BeforeAll
    static void useThePipeline(LocalStack shared) {
        stack = shared;
    }

    static LocalStack stack() {
        return stack;
    }

    @Nested
    class PartnerApp extends PartnerAppChecks {
    }

    @Nested
    class SupplierPortal extends SupplierPortalChecks {
    }

    @Nested
    class StuckOrders extends StuckOrdersChecks {
    }
}
