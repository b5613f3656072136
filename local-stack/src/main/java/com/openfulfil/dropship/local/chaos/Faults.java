package com.openfulfil.dropship.local.chaos;

import com.openfulfil.dropship.local.Waits;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.local.DaemonThreads;
import com.openfulfil.dropship.local.LocalStack;
import com.openfulfil.dropship.local.demo.DemoKeys;
import com.openfulfil.dropship.local.process.Service;
import com.openfulfil.dropship.local.process.ServiceProcess;
import com.openfulfil.dropship.local.sim.HttpSupplierSimulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The faults the suite knows, by the name {@code --faults} takes. */
final class Faults {
    static final String SUPPLIER_HTTP = "supplier-http";
    /** The demo supplier that takes its dispatches over HTTP when the HTTP fault is in a run. */
    static final String HTTP_SUPPLIER = "lyon-linen";

    /** In the order the full run injects them. */
    static final List<String> ALL = List.of("kill-order-service", "kill-catalog-service", "kill-supplier-gateway",
            "kill-tracking-service", "kill-commission-service", "kill-broker", "rebalance-catalog-service", "poison",
            SUPPLIER_HTTP);
    /**
     * The short run, one fault of each kind: the broker killed, a service instance killed while a
     * second one takes over its partitions (and then restarted), poison on every topic. Killing each
     * of the five services is the full run's job: each restart costs a JVM start, about a minute on 2 cores.
     */
    static final List<String> SHORT = List.of("kill-broker", "rebalance-catalog-service", "poison", SUPPLIER_HTTP);

    private Faults() {
    }

    /**
     * Services a rebalance fault may take: those whose HTTP API the load does not call, since
     * the load and the simulators only know the first instance's port.
     */
    static final Set<Service> REBALANCEABLE = Set.of(Service.CATALOG, Service.GATEWAY, Service.COMMISSION);

    static boolean exists(String name) {
        return ALL.contains(name) || name.startsWith("kill-") && service(name.substring(5)).isPresent()
                || name.startsWith("rebalance-") && service(name.substring(10)).filter(REBALANCEABLE::contains).isPresent();
    }

    static Fault create(String name, LocalStack stack, String runId) {
        if (name.equals("kill-broker")) {
            return new KillBroker(stack);
        }
        if (name.equals("poison")) {
            return new PoisonEverywhere(stack, PoisonMessages.forRun(runId));
        }
        if (name.equals(SUPPLIER_HTTP)) {
            return stack.httpSuppliers().<Fault>map(sim -> new SupplierOutage(stack, sim))
                    .orElseGet(() -> new NotYet(SupplierOutage.LABEL, "the stack runs no supplier over HTTP"));
        }
        if (name.startsWith("kill-")) {
            return new KillService(stack, service(name.substring(5)).orElseThrow());
        }
        if (name.startsWith("rebalance-")) {
            return new Rebalance(stack, service(name.substring(10)).orElseThrow());
        }
        throw new IllegalArgumentException("Unknown fault " + name);
    }

    private static Optional<Service> service(String module) {
        for (Service s : Service.pipeline()) {
            if (s.module().equals(module)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static boolean healthy(List<ServiceProcess> processes) {
        return processes.stream().allMatch(ServiceProcess::isHealthy);
    }

    /** A crash of one service and its restart by a supervisor, with its state folder as the crash left it. */
    private record KillService(LocalStack stack, Service service) implements Fault {
        @Override
        public String label() {
            return "kill -9 " + service.module();
        }

        @Override
        public void strike() {
            stack.service(service).kill();
            stack.restart(service);
        }

        @Override
        public boolean settled() {
            return healthy(stack.services());
        }
    }

    /** A crash of the only broker and its restart, with its log as the crash left it. */
    private record KillBroker(LocalStack stack) implements Fault {
        @Override
        public String label() {
            return "kill -9 broker";
        }

        @Override
        public void strike() {
            stack.broker().kill();
            stack.restartBroker();
        }

        @Override
        public boolean settled() {
            return healthy(stack.services());
        }
    }

    /**
     * Two instances of one service share its partitions; the first is killed and the second must
     * take over all of them. Afterwards the first is restarted and the second stopped cleanly.
     */
    private static final class Rebalance implements Fault {
        private static final Duration SHARE_TIMEOUT = Duration.ofSeconds(120);
        private final LocalStack stack;
        private final Service service;
        private ServiceProcess second;

        Rebalance(LocalStack stack, Service service) {
            this.stack = stack;
            this.service = service;
        }

        @Override
        public String label() {
            return "2 x " + service.module() + ", kill -9 one";
        }

        @Override
        public void prepare() {
            second = stack.startExtraInstance(service);
            if (Waits.until(() -> membersWithPartitions() >= 2, SHARE_TIMEOUT, Duration.ofMillis(500)).isEmpty()) {
                throw new IllegalStateException("The two " + service.module() + " instances did not share the "
                        + "partitions within " + SHARE_TIMEOUT + "; group: " + describeGroup());
            }
        }

        @Override
        public void strike() {
            stack.service(service).kill();
        }

        /** The survivor alone holds every partition and everything else is healthy. */
        @Override
        public boolean settled() {
            List<ServiceProcess> alive = new ArrayList<>(stack.services());
            alive.remove(stack.service(service));
            alive.add(second);
            return healthy(alive) && groupMembers() == 1;
        }

        @Override
        public void restore() {
            stack.restart(service);
            second.stop();
        }

        private int groupMembers() {
            ConsumerGroupDescription group = describeGroup();
            return group == null ? -1 : group.members().size();
        }

        private int membersWithPartitions() {
            ConsumerGroupDescription group = describeGroup();
            return group == null ? 0 : (int) group.members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }

        private ConsumerGroupDescription describeGroup() {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                return admin.describeConsumerGroups(List.of(service.module())).all().get(10, TimeUnit.SECONDS)
                        .get(service.module());
            } catch (Exception e) {
                return null;  // asked again at the next check
            }
        }
    }

    /** Poison messages on every consumed topic; settled once each consumer parked each one in its DLQ. */
    private static final class PoisonEverywhere implements Fault {
        private final LocalStack stack;
        private final List<Poison> poison;
        private final TopicAudit audit;

        PoisonEverywhere(LocalStack stack, List<Poison> poison) {
            this.stack = stack;
            this.poison = poison;
            this.audit = new TopicAudit(stack.bootstrapServers());
        }

        @Override
        public String label() {
            long topics = poison.stream().map(Poison::topic).distinct().count();
            return "poison: " + poison.size() + " messages on " + topics + " topics";
        }

        @Override
        public void strike() {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
                for (Poison p : poison) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(p.topic(), p.key(), p.value());
                    record.headers().add(Poison.HEADER, p.id().getBytes(StandardCharsets.UTF_8));
                    producer.send(record).get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not write the poison messages: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean settled() {
            Set<String> parked = audit.deadLetters().stream().filter(d -> d.poisonId() != null && d.error() != null)
                    .map(d -> d.poisonId() + "|" + d.group()).collect(Collectors.toCollection(HashSet::new));
            boolean all = poison.stream().allMatch(p -> p.groups().stream().allMatch(g -> parked.contains(p.id() + "|" + g)));
            return all && healthy(stack.services());
        }

        @Override
        public List<Poison> poison() {
            return poison;
        }
    }

    /**
     * The HTTP supplier's API fails: first it answers 500 to everything, then it takes each request
     * but answers only after supplier-gateway has stopped waiting. supplier-gateway retries with
     * backoff, its circuit breaker opens and dispatches wait on the topic; a dispatch whose retries
     * ran out is parked on its dead-letter topic. Once the API is well again, ops send the parked
     * dispatches again (as docs/suppliers.md, "Suppliers over HTTP: retries and parking", tells them),
     * until none is left.
     */
    private static final class SupplierOutage implements Fault {
        static final String LABEL = "supplier HTTP 500s and timeouts";
        private static final Duration ERRORS_FOR = Duration.ofSeconds(8);
        private static final Duration TIMEOUTS_FOR = Duration.ofSeconds(8);
        /** After the outage, how long a call still running may take to fail and be parked. */
        private static final Duration LAST_PARKING = Duration.ofSeconds(5);
        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private final LocalStack stack;
        private final HttpSupplierSimulator supplier;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("chaos-supplier-outage"));
        private volatile Instant over;
        private int resent;
        private long refused;
        private long late;

        SupplierOutage(LocalStack stack, HttpSupplierSimulator supplier) {
            this.stack = stack;
            this.supplier = supplier;
        }

        @Override
        public String label() {
            return LABEL + " (" + HTTP_SUPPLIER + ")";
        }

        @Override
        public void strike() {
            long failedBefore = supplier.failed();
            long lateBefore = supplier.answeredLate();
            supplier.trouble(HttpSupplierSimulator.Trouble.ERRORS);
            timer.schedule(() -> supplier.trouble(HttpSupplierSimulator.Trouble.TIMEOUTS), ERRORS_FOR.toMillis(),
                    TimeUnit.MILLISECONDS);
            timer.schedule(() -> {
                supplier.trouble(HttpSupplierSimulator.Trouble.NONE);
                refused = supplier.failed() - failedBefore;
                late = supplier.answeredLate() - lateBefore;
                over = Instant.now();
            }, ERRORS_FOR.plus(TIMEOUTS_FOR).toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The outage is over, and ops found nothing parked left to send again. */
        @Override
        public boolean settled() {
            Instant end = over;
            if (end == null || Instant.now().isBefore(end.plus(LAST_PARKING)) || !healthy(stack.services())) {
                return false;
            }
            int again = retryParked();
            resent += Math.max(0, again);
            return again == 0;
        }

        @Override
        public void restore() {
            timer.shutdownNow();
            supplier.trouble(HttpSupplierSimulator.Trouble.NONE);
        }

        @Override
        public String summary() {
            return String.format("%d requests answered 500, %d answered after the gateway gave up; dispatches "
                    + "parked and sent again by ops: %d", refused, late, resent);
        }

        @Override
        public int resent() {
            return resent;
        }

        /** What ops do: POST .../parked/retry; how many it sent again, or -1 when the gateway did not answer. */
        private int retryParked() {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.service(Service.GATEWAY).baseUrl()
                            + "/api/v1/admin/suppliers/" + HTTP_SUPPLIER + "/parked/retry"))
                    .timeout(Duration.ofSeconds(30)).header("X-Admin-Key", DemoKeys.GATEWAY_OPS_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200
                        ? Json.mapper().readTree(response.body()).path("retried").asInt(-1) : -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** A fault of the suite whose target this stack does not have yet; it shows in the table as such. */
    private record NotYet(String label, String reason) implements Fault {
        @Override
        public Optional<String> notApplicable() {
            return Optional.of(reason);
        }

        @Override
        public void strike() {
            // nothing to break yet
        }

        @Override
        public boolean settled() {
            return true;
        }
    }
}
