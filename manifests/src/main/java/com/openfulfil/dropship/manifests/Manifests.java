package com.openfulfil.dropship.manifests;

import com.openfulfil.dropship.events.topics.TopicSpec;
import com.openfulfil.dropship.events.topics.Topics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka side of a deployment, derived from the topic registry so it cannot drift from the
 * code, for the suppliers it is set up for ({@link Suppliers}): Strimzi {@code KafkaTopic}s and
 * {@code KafkaUser}s with their ACLs for Kubernetes, and the topic-creation script docker-compose
 * runs. {@code GeneratedFilesTest} checks the files in the repository are exactly these;
 * {@code -Dmanifests.write=true} rewrites them after a change to the registry or the suppliers.
 */
public final class Manifests {
    /** The name of the Strimzi {@code Kafka} cluster the resources belong to. */
    public static final String CLUSTER = "dropship";
    /** The supplier portal's Kafka Streams application inside the ops console. */
    static final String SUPPLIER_PORTAL = "ops-console-supplier-portal";
    private static final String GENERATED = generated("from the topic registry (order-events Topics) and " + Suppliers.FILE);
    private static final int REPLICAS = 3;
    private static final int MIN_INSYNC = 2;

    private final List<String> suppliers;

    /** A deployment set up for these suppliers (their ids, as {@link Suppliers} reads them). */
    public Manifests(List<String> suppliers) {
        this.suppliers = List.copyOf(suppliers);
    }

    /** A deployment set up for the suppliers the file lists. */
    public static Manifests forSuppliersIn(Path suppliersFile) {
        return new Manifests(Suppliers.read(suppliersFile));
    }

    public List<String> suppliers() {
        return suppliers;
    }

    /** The head of a generated file's opening comment: what it is generated from, and how to rewrite it. */
    static String generated(String from) {
        return "Generated " + from + " by the manifests module;\n"
                + "# rewrite with ./mvnw -pl manifests -am test -Dmanifests.write=true rather than by hand.";
    }

    /** Every registry topic plus each supplier's dispatch and updates topics. */
    public List<TopicSpec> topics() {
        List<TopicSpec> topics = new ArrayList<>(Topics.all());
        for (String supplier : suppliers) {
            topics.add(Topics.supplierDispatch(supplier));
            topics.add(Topics.supplierUpdates(supplier));
        }
        return topics;
    }

    /** {@code k8s/base/kafka/topics.yaml}: one {@code KafkaTopic} per topic, replicated three times. */
    public String kafkaTopics() {
        StringBuilder out = new StringBuilder("# " + GENERATED + "\n");
        for (TopicSpec topic : topics()) {
            out.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(topic.name()).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
                    .append("  annotations:\n")
                    .append("    dropship.openfulfil.com/description: \"").append(topic.description()).append("\"\n")
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n')
                    .append("  config:\n");
            configs(topic).forEach((key, value) -> out.append("    ").append(key).append(": \"").append(value).append("\"\n"));
        }
        return out.toString();
    }

    /** {@code compose/create-topics.sh}: creates the same topics on the compose broker. */
    public String composeTopicScript() {
        StringBuilder out = new StringBuilder("#!/bin/sh\n# " + GENERATED + "\n")
                .append("# Run once by the kafka-topics job of docker-compose.yml before any service starts.\n")
                .append("set -eu\n")
                .append("BOOTSTRAP=\"${BOOTSTRAP:-kafka:9092}\"\n")
                .append("REPLICATION_FACTOR=\"${REPLICATION_FACTOR:-1}\"\n")
                .append("create() {\n")
                .append("  /opt/kafka/bin/kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --create --if-not-exists \\\n")
                .append("    --replication-factor \"$REPLICATION_FACTOR\" \"$@\"\n")
                .append("}\n");
        for (TopicSpec topic : topics()) {
            out.append("create --topic ").append(topic.name()).append(" --partitions ").append(topic.partitions());
            topic.configs().forEach((key, value) -> out.append(" --config ").append(key).append('=').append(value));
            out.append('\n');
        }
        out.append("echo \"Topics ready on $BOOTSTRAP\"\n");
        return out.toString();
    }

    /**
     * {@code k8s/base/kafka/users.yaml}: a {@code KafkaUser} per service and per supplier, each with
     * only the ACLs it needs. A supplier reads only its own dispatch topic and writes only its own
     * updates topic.
     */
    public String kafkaUsers() {
        StringBuilder out = new StringBuilder("# " + GENERATED + "\n");
        for (Service service : Service.values()) {
            List<String> acls = new ArrayList<>();
            service.reads().forEach(t -> acls.add(acl("topic", t, "literal", "Read", "Describe")));
            service.writes().forEach(t -> acls.add(acl("topic", t, "literal", "Write", "Describe")));
            service.reads().forEach(t -> acls.add(acl("topic", Topics.dlq(t, service.id()), "literal",
                    "Create", "Write", "Read", "Describe")));
            if (service == Service.OPS_CONSOLE) {
                // the console shows every topic's rate and every group's lag, reads every dead letter and
                // replays it to the topic it came from
                acls.add(acl("topic", "*", "literal", "Read", "Write", "Describe", "DescribeConfigs"));
                acls.add(acl("group", "*", "literal", "Describe"));
                // the supplier portal's stream (application ops-console-supplier-portal) reads every
                // supplier's dispatch topic and fulfilment.events, parking poison under its own name
                List<String> portalReads = new ArrayList<>(List.of(Topics.FULFILMENT_EVENTS.name()));
                suppliers.forEach(supplier -> portalReads.add(Topics.supplierDispatch(supplier).name()));
                portalReads.forEach(t -> acls.add(acl("topic", Topics.dlq(t, SUPPLIER_PORTAL), "literal",
                        "Create", "Write", "Read", "Describe")));
                suppliers.forEach(supplier -> acls.add(acl("topic", Topics.supplierDispatch(supplier).name(),
                        "literal", "Create", "Describe")));
            }
            if (service.ownsSupplierTopics()) {
                acls.add(acl("topic", Service.SUPPLIER_TOPICS, "prefix", "Create", "Read", "Write", "Describe"));
            }
            // Kafka Streams' changelog and repartition topics, its consumer groups and its transactions
            acls.add(acl("topic", service.id() + "-", "prefix", "Create", "Delete", "Read", "Write", "Describe",
                    "DescribeConfigs"));
            acls.add(acl("group", service.id(), "prefix", "Read", "Describe"));
            acls.add(acl("transactionalId", service.id(), "prefix", "Write", "Describe"));
            acls.add(acl("cluster", "kafka-cluster", "literal", "Describe", "IdempotentWrite"));
            user(out, service.id(), "service", acls);
        }
        for (String supplier : suppliers) {
            user(out, "supplier-" + supplier, "supplier", List.of(
                    acl("topic", Topics.supplierDispatch(supplier).name(), "literal", "Read", "Describe"),
                    acl("topic", Topics.supplierUpdates(supplier).name(), "literal", "Write", "Describe"),
                    acl("group", "supplier-" + supplier, "prefix", "Read")));
        }
        return out.toString();
    }

    private static Map<String, String> configs(TopicSpec topic) {
        Map<String, String> configs = new LinkedHashMap<>(topic.configs());
        configs.put("min.insync.replicas", Integer.toString(MIN_INSYNC));
        return configs;
    }

    private static void user(StringBuilder out, String name, String role, List<String> acls) {
        out.append("---\n")
                .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                .append("kind: KafkaUser\n")
                .append("metadata:\n")
                .append("  name: ").append(name).append('\n')
                .append("  labels:\n")
                .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
                .append("    dropship.openfulfil.com/role: ").append(role).append('\n')
                .append("spec:\n")
                .append("  authentication:\n")
                .append("    type: scram-sha-512\n")
                .append("  authorization:\n")
                .append("    type: simple\n")
                .append("    acls:\n");
        acls.forEach(out::append);
    }

    private static String acl(String type, String name, String pattern, String... operations) {
        StringBuilder acl = new StringBuilder("      - resource:\n")
                .append("          type: ").append(type).append('\n');
        if (!type.equals("cluster")) {
            acl.append("          name: \"").append(name).append("\"\n")
                    .append("          patternType: ").append(pattern).append('\n');
        }
        return acl.append("        operations: [").append(String.join(", ", operations)).append("]\n").toString();
    }
}
