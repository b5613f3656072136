package com.openfulfil.dropship.local;

import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Repository;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One running pipeline (the broker, the five services and the ops console as processes, the
 * simulated suppliers and carriers; lyon-linen's dispatches wait for a person in the supplier
 * portal) for every suite that only talks to it: it starts when the first of them asks for a
 * {@link LocalStack} parameter and stops when the test run ends (JUnit closes what the root
 * store holds). Starting a stack takes most of a minute on two cores; the suites that share it
 * look only at their own orders, partners and dispatches, so they need not be alone on it.
 * Suites that kill processes (chaos) or need a stack set up otherwise (the end-to-end test's
 * split parcels, polled carriers and sales channels, with lyon-linen shipping on its own) start
 * their own.
 */
public final class SharedStack implements ParameterResolver {
    /** A second storefront, so one tenant can be tried on another's orders. */
    public static final String RIVAL_SHOP = "rival-shop";
    public static final String RIVAL_KEY = "sk_rival_shop_0123456789";
    /** The demo storefront's Shopify store, with a secret of the tests' own (its webhooks are signed and tampered with). */
    public static final String SHOP_DOMAIN = "demo-shop.myshopify.com";
    public static final String SHOPIFY_SECRET = "shpss_demo_shop_for_the_hostile_suite";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root store outlives every test class and closes the stack (AutoCloseable) at the end of the run
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(LocalStack.class, type -> started(), LocalStack.class);
    }

    private static LocalStack started() {
        LocalStack stack;
        try {
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "shared-stack-");
            stack = new LocalStack(Repository.locate(), StackConfig.onFreePorts(data)
                    .withSimulatorDelay(Duration.ofMillis(200))
                    .withServiceArgs(serviceArgs())
                    .withOpsConsole()
                    .withPortalSuppliers(Set.of(DemoKeys.PORTAL_SUPPLIER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            stack.start(System.out::println);
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /**
     * What the services run with: streams commit every 50 ms (an event a test waits for is visible
     * to the others' read_committed consumers that much sooner); an order delivered, dispatched or
     * cancelling for a second counts as stuck in the console (its stuck-orders page is tested
     * without waiting hours); and the demo storefront with its Shopify store beside a second
     * storefront, rival-shop. A list is bound from one source, so demo-shop is named in full.
     */
    static List<String> serviceArgs() {
        String storefronts = "--dropship.order.storefronts";
        return List.of("--dropship.streams.commit-interval-ms=50",
                "--dropship.ops.deadlines.DELIVERED=1s", "--dropship.ops.deadlines.DISPATCHED=1s",
                "--dropship.ops.deadlines.CANCELLING=1s",
                storefronts + "[0].id=" + DemoKeys.STOREFRONT_ID, storefronts + "[0].name=Demo Shop",
                storefronts + "[0].api-key-sha256=" + sha256(DemoKeys.STOREFRONT_KEY),
                storefronts + "[0].shopify-domain=" + SHOP_DOMAIN, storefronts + "[0].shopify-secret=" + SHOPIFY_SECRET,
                storefronts + "[1].id=" + RIVAL_SHOP, storefronts + "[1].name=Rival Shop",
                storefronts + "[1].api-key-sha256=" + sha256(RIVAL_KEY));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
