package com.openfulfil.dropship.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code k8s/base/services/<service>.yaml}: the StatefulSet, Services and PodDisruptionBudget each
 * service runs as on Kubernetes. What they share is written once, in the template
 * {@code service.yaml.template}; what differs (name, port, pod count, the addresses a service is
 * reached at) comes from {@link Service}. {@code GeneratedFilesTest} checks the files in the
 * repository are exactly these.
 */
public final class ServiceWorkloads {
    static final String TEMPLATE = "service.yaml.template";
    /** The template's own explanation ends at this line; it is not copied into the files. */
    private static final String CUT = "---8<---\n";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String ENV = "            ";
    /** The secret holding channel-gateway's stores and their credentials. */
    static final String STORES_SECRET = "channel-gateway-stores";
    /** The secret holding the payment provider order-service pays refunds through, and its secret key. */
    static final String PAYMENTS_SECRET = "order-service-payments";

    private ServiceWorkloads() {
    }

    /** The repository file that holds the service's objects, relative to the repository's root. */
    public static String file(Service service) {
        return "k8s/base/services/" + service.id() + ".yaml";
    }

    /** The service's objects: the template filled in for it. */
    public static String of(Service service) {
        Map<String, String> values = Map.of(
                "about", comment(about(service)),
                "name", service.id(),
                "port", Integer.toString(service.port()),
                "replicas", Integer.toString(replicas(service)),
                "env", env(service),
                "envFrom", envFrom(service));
        return "# " + Manifests.generated("from the service template (manifests/src/main/resources/" + TEMPLATE + ")") + "\n"
                + fill(template(), values);
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(TEMPLATE + " has {{" + matcher.group(1) + "}}, which is none of "
                        + values.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static String template() {
        try (InputStream in = ServiceWorkloads.class.getResourceAsStream("/" + TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the manifests module's resources");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int cut = text.indexOf(CUT);
            return cut < 0 ? text : text.substring(cut + CUT.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two pods of a service with state, each answering for its partitions; one of the ops console, whose
     * pages read stores of its own that no other pod could answer for, and one of channel-gateway, whose
     * Amazon poller and rate limiters per store are per process (two pods would call each store twice as fast).
     */
    static int replicas(Service service) {
        return holds(service) == null ? 1 : 2;
    }

    /**
     * Secrets only this service reads, created out of band like dropship-keys, so no other pod sees them:
     * channel-gateway's stores (DROPSHIP_CHANNELS_SHOPIFY_0_ID, ..._ADMIN_TOKEN, ...), order-service's payment
     * provider (DROPSHIP_ORDER_REFUNDS_PROVIDER_URL, DROPSHIP_ORDER_REFUNDS_SECRET_KEY).
     */
    private static String envFrom(Service service) {
        String secret = switch (service) {
            case CHANNELS -> STORES_SECRET;
            case ORDER -> PAYMENTS_SECRET;
            default -> null;
        };
        if (secret == null) {
            return "";
        }
        return "\n" + ENV + "- secretRef:\n" + ENV + "    name: " + secret + "\n" + ENV + "    optional: true";
    }

    /** The env entries only this service has: where the others reach each of its pods, or theirs. */
    private static String env(Service service) {
        List<String> env = new ArrayList<>();
        String holds = holds(service);
        if (service == Service.CHANNELS) {
            env.add("# the stores it connects, each with its credentials, come from the " + STORES_SECRET + " secret");
        } else if (holds != null) {
            env.add("- name: POD_NAME");
            env.add("  valueFrom: {fieldRef: {fieldPath: metadata.name}}");
            env.add("# each instance answers for " + holds + " of its partitions; the others reach it here");
            env.add("- name: DROPSHIP_" + service.name() + "_ADVERTISED_ADDRESS");
            env.add("  value: $(POD_NAME)." + service.id() + "-headless:" + service.port());
        } else {
            env.add("# the services' APIs, for the pages that act through them");
            Arrays.stream(Service.values()).filter(other -> other != service)
                    .sorted(Comparator.comparingInt(Service::port))
                    .forEach(other -> {
                        env.add("- name: DROPSHIP_OPS_SERVICES_" + other.id().toUpperCase(Locale.ROOT).replace('-', '_'));
                        env.add("  value: http://" + other.id() + ":" + other.port());
                    });
        }
        return env.stream().map(line -> ENV + line).collect(Collectors.joining("\n"));
    }

    /**
     * What each pod of the service answers for, the keys of its partitions' stores; none for the ops
     * console, whose one pod answers for everything its pages show.
     */
    private static String holds(Service service) {
        return switch (service) {
            case CATALOG -> "the products";
            case ORDER -> "the orders";
            case GATEWAY -> "the scorecards and ledgers";
            case TRACKING -> "the parcels";
            case COMMISSION -> "the commissions";
            case OPS_CONSOLE, CHANNELS -> null;
        };
    }

    private static String about(Service service) {
        String stateful = service.id() + ": a Kafka Streams service with state, so a StatefulSet (a stable identity"
                + " and a volume for\nits RocksDB stores) with a standby copy of each store on another pod (prod profile).";
        return switch (service) {
            case CATALOG, GATEWAY, TRACKING -> stateful;
            case ORDER -> stateful + "\nRefunds are paid through the payment provider in the " + PAYMENTS_SECRET
                    + " secret\n(DROPSHIP_ORDER_REFUNDS_PROVIDER_URL, DROPSHIP_ORDER_REFUNDS_SECRET_KEY; docs/operations.md,"
                    + " \"Refunds\"),\nwhich only order-service reads; without it refunds are recorded offline.";
            case COMMISSION -> stateful + " A partner's full list of\ncommissions is gathered from every pod."
                    + " dropship-keys also holds DROPSHIP_COMMISSION_PAYOUT_DETAILS_KEY, which\npartners' payout"
                    + " details are encrypted with (openssl rand -base64 32); without it they are refused.";
            case CHANNELS -> service.id() + ": the merchants' Shopify, WooCommerce and Amazon stores kept in step with the"
                    + " pipeline.\nA Kafka Streams service with state (each channel order), so a StatefulSet with a volume; one"
                    + " pod, since its\nAmazon poller and each store's rate limiters are per process. The stores and their"
                    + " credentials\ncome from the " + STORES_SECRET + " secret (DROPSHIP_CHANNELS_SHOPIFY_0_ID, ..._ADMIN_TOKEN,"
                    + " ...;\ndocs/channels.md), ops' X-Admin-Key hash from dropship-keys (DROPSHIP_CHANNELS_ADMIN_KEY_SHA256).";
            case OPS_CONSOLE -> service.id() + ": the ops dashboard. Its pages read the stores of its own Kafka Streams"
                    + " (the order funnel, stock,\nsuppliers), so it runs as one pod with a volume for them. Ops users come"
                    + " from the dropship-keys secret\n(DROPSHIP_OPS_USERS_0_NAME, DROPSHIP_OPS_USERS_0_PASSWORD_BCRYPT).";
        };
    }

    private static String comment(String text) {
        return "# " + text.replace("\n", "\n# ");
    }
}
