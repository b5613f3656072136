package com.openfulfil.dropship.manifests;

import com.openfulfil.dropship.events.topics.TopicSpec;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml and the Kubernetes overlays are read by the real tools ({@code docker-compose
 * config}, {@code kubectl kustomize}; no cluster or Docker engine needed), and what they produce
 * declares every topic with the registry's settings and every service with its probes.
 */
class ComposeAndKubernetesTest {
    private static final Manifests CONFIGURED = GeneratedFilesTest.CONFIGURED;

    @Test
    void composeRunsTheBrokerTheTopicJobAndEveryServiceWithAHealthCheck() {
        Map<String, Object> compose = new Yaml().load(run("docker-compose", "-f", "docker-compose.yml", "config"));
        Map<String, Object> services = ServicesTest.at(compose, "services");
        assertThat(services).containsKeys("kafka", "kafka-topics", "prometheus", "grafana");
        assertThat(String.valueOf(services.get("kafka-topics"))).contains("create-topics.sh");
        for (Service service : Service.values()) {
            Map<String, Object> definition = ServicesTest.at(services, service.id());
            assertThat(definition).as(service.id() + " in docker-compose.yml").isNotEmpty();
            assertThat(definition).as(service.id() + " has a health check").containsKey("healthcheck");
            assertThat(ServicesTest.at(definition, "depends_on", "kafka-topics"))
                    .containsEntry("condition", "service_completed_successfully");
            assertThat(ServicesTest.at(definition, "environment"))
                    .containsEntry("DROPSHIP_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void theProductionOverlayReplicatesEveryTopicThreeTimes() {
        List<Map<String, Object>> resources = kustomize("prod");
        checkTopics(resources, 3, "2");
        checkServices(resources);
        assertThat(ofKind(resources, "Kafka").get(0).toString()).contains("external", "scram-sha-512");
        assertThat(ofKind(resources, "ServiceMonitor")).hasSize(1);
    }

    @Test
    void theDevelopmentOverlayFitsOneNode() {
        List<Map<String, Object>> resources = kustomize("dev");
        checkTopics(resources, 1, "1");
        checkServices(resources);
        String keys = ofKind(resources, "Secret").stream().map(r -> ServicesTest.at(r, "metadata").get("name").toString())
                .filter(name -> name.startsWith("dropship-keys")).findFirst().orElseThrow();
        for (Map<String, Object> statefulSet : ofKind(resources, "StatefulSet")) {
            assertThat(statefulSet.toString()).as("every service reads the generated keys").contains("name=" + keys);
        }
    }

    @Test
    void commissionServiceReadsItsPayoutDetailsKeyFromASecretAndEachPodAdvertisesItself() {
        Map<String, Object> compose = new Yaml().load(run("docker-compose", "-f", "docker-compose.yml", "config"));
        Map<String, Object> commission = ServicesTest.at(compose, "services", "commission-service");
        assertThat(String.valueOf(commission.get("secrets"))).contains("commission-payout-details-key",
                "dropship.commission.payout-details.key");
        assertThat(ServicesTest.at(commission, "environment"))
                .containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
        assertThat(ServicesTest.at(compose, "secrets")).containsKey("commission-payout-details-key");
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> resources = kustomize(overlay);
            assertThat(named(ofKind(resources, "StatefulSet"), "commission-service").toString()).as(overlay)
                    .contains("DROPSHIP_COMMISSION_ADVERTISED_ADDRESS", "$(POD_NAME).commission-service-headless:8085",
                            "dropship-keys");
        }
        assertThat(ofKind(kustomize("dev"), "Secret").stream().map(r -> ServicesTest.at(r, "data").keySet()))
                .anySatisfy(keys -> assertThat(keys).contains("DROPSHIP_COMMISSION_PAYOUT_DETAILS_KEY"));
    }

    @Test
    void everyServiceKnowsItsAdminKeyByHashAndCatalogEverySuppliersFeedKey() {
        Map<String, Object> compose = new Yaml().load(run("docker-compose", "-f", "docker-compose.yml", "config"));
        Map<String, Object> dev = ofKind(kustomize("dev"), "Secret").stream().map(r -> ServicesTest.at(r, "data"))
                .filter(data -> data.containsKey("DROPSHIP_ORDER_ADMIN_KEY_SHA256")).findFirst().orElseThrow();
        Map<Service, String> adminKeys = Map.of(Service.ORDER, "DROPSHIP_ORDER_ADMIN_KEY_SHA256",
                Service.CATALOG, "DROPSHIP_CATALOG_ADMIN_KEY_SHA256", Service.GATEWAY, "DROPSHIP_GATEWAY_ADMIN_KEY_SHA256",
                Service.TRACKING, "DROPSHIP_TRACKING_ADMIN_KEY_SHA256", Service.COMMISSION, "DROPSHIP_COMMISSION_ADMIN_KEY_SHA256",
                Service.CHANNELS, "DROPSHIP_CHANNELS_ADMIN_KEY_SHA256");
        adminKeys.forEach((service, key) -> {
            assertThat(ServicesTest.at(compose, "services", service.id(), "environment")).as(service.id()).containsKey(key);
            assertThat(dev).as("the dev cluster's keys").containsKey(key);
        });
        Map<String, Object> catalog = ServicesTest.at(compose, "services", "catalog-service", "environment");
        for (int i = 0; i < CONFIGURED.suppliers().size(); i++) {
            String prefix = "DROPSHIP_CATALOG_SUPPLIERS_" + i + "_";
            assertThat(catalog).containsEntry(prefix + "ID", CONFIGURED.suppliers().get(i))
                    .containsKey(prefix + "FEED_KEY_SHA256");
            assertThat(dev).containsKeys(prefix + "ID", prefix + "FEED_KEY_SHA256");
        }
        assertThat(ServicesTest.at(compose, "services", "supplier-gateway", "environment"))
                .as("the gateway refuses its admin key in clear").doesNotContainKey("DROPSHIP_GATEWAY_ADMIN_KEY");
        assertThat(dev).doesNotContainKey("DROPSHIP_GATEWAY_ADMIN_KEY");
    }

    /** Each instance of a service with state answers for the keys it holds, so the others must know where it is. */
    @Test
    void everyServiceThatAnswersForItsKeysAdvertisesWhereEachInstanceIsReached() {
        Map<String, Object> compose = new Yaml().load(run("docker-compose", "-f", "docker-compose.yml", "config"));
        List<Map<String, Object>> dev = kustomize("dev");
        List<Map<String, Object>> prod = kustomize("prod");
        for (Service service : List.of(Service.CATALOG, Service.ORDER, Service.GATEWAY, Service.TRACKING,
                Service.COMMISSION)) {
            String setting = "DROPSHIP_" + service.name() + "_ADVERTISED_ADDRESS";
            assertThat(ServicesTest.at(compose, "services", service.id(), "environment")).as(service.id())
                    .containsEntry(setting, service.id() + ":" + service.port());
            for (List<Map<String, Object>> overlay : List.of(dev, prod)) {
                assertThat(named(ofKind(overlay, "StatefulSet"), service.id()).toString()).as(service.id())
                        .contains(setting, "$(POD_NAME)." + service.id() + "-headless:" + service.port(),
                                "fieldPath=metadata.name");
            }
        }
    }

    /**
     * channel-gateway places the stores' orders and cancellations on order-service's intake topics and may
     * do no more there; its stores' credentials are a secret only it reads, with compose and on Kubernetes.
     */
    @Test
    void channelGatewayWritesOnlyTheIntakeTopicsItFeedsAndAloneReadsItsStoresSecret() {
        List<Map<String, Object>> dev = kustomize("dev");
        Map<String, List<String>> operations = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> acls = (List<Map<String, Object>>) ServicesTest.at(
                named(ofKind(dev, "KafkaUser"), Service.CHANNELS.id()), "spec", "authorization").get("acls");
        for (Map<String, Object> acl : acls) {
            Map<String, Object> resource = ServicesTest.at(acl, "resource");
            if ("topic".equals(resource.get("type"))) {
                @SuppressWarnings("unchecked")
                List<String> ops = (List<String>) acl.get("operations");
                operations.computeIfAbsent(String.valueOf(resource.get("name")), k -> new ArrayList<>()).addAll(ops);
            }
        }
        assertThat(operations.get("orders.placed")).contains("Read", "Write");
        assertThat(operations.get("orders.commands")).containsExactlyInAnyOrder("Write", "Describe");
        assertThat(operations.get("orders.lifecycle")).doesNotContain("Write");
        assertThat(operations).doesNotContainKeys("storefronts.webhooks", "orders.allocations", "*");
        for (String own : List.of("channels.inbound", "channels.outbound", "channels.amazon-watermarks",
                "channels.amazon-feeds")) {
            assertThat(operations.get(own)).as(own).contains("Read", "Write");
        }
        assertThat(operations.get("channels.refusals")).as("channels.refusals").contains("Write");

        for (Map<String, Object> statefulSet : ofKind(dev, "StatefulSet")) {
            String name = String.valueOf(ServicesTest.at(statefulSet, "metadata").get("name"));
            assertThat(statefulSet.toString().contains(ServiceWorkloads.STORES_SECRET)).as(name + " reads the stores' secret")
                    .isEqualTo(name.equals(Service.CHANNELS.id()));
        }
        assertThat(ServicesTest.at(named(ofKind(dev, "StatefulSet"), Service.CHANNELS.id()), "spec").get("replicas"))
                .isEqualTo(1);

        Map<String, Object> compose = new Yaml().load(run("docker-compose", "-f", "docker-compose.yml", "config"));
        Map<String, Object> services = ServicesTest.at(compose, "services");
        services.forEach((name, definition) -> assertThat(String.valueOf(((Map<?, ?>) definition).get("secrets"))
                .contains("channel-stores")).as(name + " reads the stores' secret").isEqualTo(name.equals("channel-gateway")));
        assertThat(ServicesTest.at(services, "channel-gateway", "environment"))
                .containsEntry("SPRING_CONFIG_IMPORT", "optional:file:/run/secrets/channel-stores.yml");
    }

    private static void checkTopics(List<Map<String, Object>> resources, int replicas, String minInsync) {
        List<Map<String, Object>> topics = ofKind(resources, "KafkaTopic");
        assertThat(topics).hasSize(CONFIGURED.topics().size());
        for (TopicSpec topic : CONFIGURED.topics()) {
            Map<String, Object> spec = topics.stream()
                    .map(t -> ServicesTest.at(t, "spec")).filter(s -> topic.name().equals(s.get("topicName")))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.name()));
            assertThat(spec.get("partitions")).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(spec.get("replicas")).as(topic.name()).isEqualTo(replicas);
            Map<String, Object> config = ServicesTest.at(spec, "config");
            topic.configs().forEach((key, value) -> assertThat(config).as(topic.name()).containsEntry(key, value));
            assertThat(config).as(topic.name()).containsEntry("min.insync.replicas", minInsync);
        }
    }

    private static void checkServices(List<Map<String, Object>> resources) {
        for (Service service : Service.values()) {
            Map<String, Object> statefulSet = named(ofKind(resources, "StatefulSet"), service.id());
            @SuppressWarnings("unchecked")
            Map<String, Object> container = ((List<Map<String, Object>>) ServicesTest.at(statefulSet,
                    "spec", "template", "spec").get("containers")).get(0);
            assertThat(ServicesTest.at(container, "readinessProbe", "httpGet"))
                    .containsEntry("path", "/actuator/health/readiness");
            assertThat(ServicesTest.at(container, "livenessProbe", "httpGet"))
                    .containsEntry("path", "/actuator/health/liveness");
            assertThat(ServicesTest.at(container, "resources", "limits")).containsKey("memory");
            assertThat(container.toString()).contains("SPRING_PROFILES_ACTIVE", "prod");
            assertThat(named(ofKind(resources, "Service"), service.id())).isNotNull();
            assertThat(named(ofKind(resources, "PodDisruptionBudget"), service.id())).isNotNull();
            assertThat(named(ofKind(resources, "KafkaUser"), service.id())).isNotNull();
        }
        for (String supplier : CONFIGURED.suppliers()) {
            assertThat(named(ofKind(resources, "KafkaUser"), "supplier-" + supplier).toString())
                    .contains("supplier." + supplier + ".dispatch", "supplier." + supplier + ".updates")
                    .doesNotContain("orders.");
        }
        assertThat(named(ofKind(resources, "HorizontalPodAutoscaler"), "order-service")).isNotNull();
    }

    private static Map<String, Object> named(List<Map<String, Object>> resources, String name) {
        return resources.stream().filter(r -> name.equals(ServicesTest.at(r, "metadata").get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among " + resources.size() + " resources"));
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kustomize(String overlay) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(run("kubectl", "kustomize", "k8s/overlays/" + overlay))) {
            if (document != null) {
                resources.add((Map<String, Object>) document);
            }
        }
        return resources;
    }

    /** Runs a tool in the repository's root; a missing tool fails the test (CI installs both). */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(GeneratedFilesTest.ROOT.toFile())
                    .redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            assertThat(process.exitValue()).as(String.join(" ", command) + ": " + new String(err, StandardCharsets.UTF_8))
                    .isZero();
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail(command[0] + " is needed to check the deployment files (./dropship test installs it): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
