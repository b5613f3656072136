package com.openfulfil.dropship.local.portal;

import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.StackConfig;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The web pages of the ops console module in headless Chromium, over one running pipeline (the
 * broker, the five services and the console as processes, the simulated suppliers and carriers):
 * the partner app, the supplier portal (lyon-linen answers its dispatches there) and the ops
 * console's stuck orders (a delivered or dispatched order counts as stuck after one second). One
 * stack for the three keeps the test suite short; each audience gets its own browser.
 */
class ConsoleBrowserIT {
    private static LocalStack stack;

    @BeforeAll
    static void startThePipeline() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "console-browser-");
        stack = new LocalStack(Repository.locate(), StackConfig.onFreePorts(data)
                .withSimulatorDelay(Duration.ofMillis(200))
                .withServiceArgs(List.of("--dropship.streams.commit-interval-ms=50",
                        "--dropship.ops.deadlines.DELIVERED=1s", "--dropship.ops.deadlines.DISPATCHED=1s"))
                .withOpsConsole()
                .withPortalSuppliers(Set.of(DemoKeys.PORTAL_SUPPLIER)));
        stack.start(System.out::println);
    }

    @AfterAll
    static void stopThePipeline() {
        if (stack != null) {
            stack.stop();
        }
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
