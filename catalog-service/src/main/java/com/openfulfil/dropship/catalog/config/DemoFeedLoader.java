package com.openfulfil.dropship.catalog.config;

import com.openfulfil.dropship.catalog.feed.FeedFormat;
import com.openfulfil.dropship.catalog.feed.FeedImporter;
import com.openfulfil.dropship.catalog.feed.FeedReport;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the demo catalog at start-up through the same import as {@code POST .../feed}, but only
 * while {@code catalog.feed} is empty: a restart must not put back stock that orders consumed.
 */
@Component
@ConditionalOnProperty(name = "dropship.catalog.demo-feed.enabled", havingValue = "true")
public class DemoFeedLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoFeedLoader.class);

    private final Admin admin;
    private final FeedImporter importer;
    private final ResourceLoader resources;
    private final String location;

    DemoFeedLoader(@Qualifier("dropshipAdmin") Admin admin, FeedImporter importer, ResourceLoader resources,
                   CatalogProperties properties) {
        this.admin = admin;
        this.importer = importer;
        this.resources = resources;
        this.location = properties.demoFeed().location();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        loadIfEmpty();
    }

    /** @return whether the demo feed was imported (false: the feed topic already had rows) */
    public boolean loadIfEmpty() throws IOException, ExecutionException, InterruptedException, TimeoutException {
        if (!feedTopicIsEmpty()) {
            log.info("catalog.feed already has rows: demo catalog not loaded again");
            return false;
        }
        Map<String, List<JsonNode>> bySupplier = rowsBySupplier();
        bySupplier.forEach((supplierId, rows) -> {
            FeedReport report = importer.importFeed(supplierId, FeedFormat.JSON.open(json(rows)));
            if (!report.rowsRefused().isEmpty()) {
                throw new IllegalStateException("Demo catalog rows refused for " + supplierId + ": " + report.rowsRefused());
            }
        });
        log.info("Demo catalog loaded: {} rows from {} suppliers",
                bySupplier.values().stream().mapToInt(List::size).sum(), bySupplier.size());
        return true;
    }

    private static InputStream json(List<JsonNode> rows) {
        return new ByteArrayInputStream(Json.mapper().writeValueAsBytes(rows));
    }

    private Map<String, List<JsonNode>> rowsBySupplier() throws IOException {
        JsonNode rows;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            rows = Json.mapper().readTree(in);
        }
        Map<String, List<JsonNode>> bySupplier = new LinkedHashMap<>();
        for (JsonNode row : rows.values()) {
            bySupplier.computeIfAbsent(row.path("supplierId").asString(), s -> new ArrayList<>()).add(row);
        }
        return bySupplier;
    }

    private boolean feedTopicIsEmpty() throws ExecutionException, InterruptedException, TimeoutException {
        String topic = Topics.CATALOG_FEED.name();
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(10, TimeUnit.SECONDS);
        return ends.values().stream().allMatch(end -> end.offset() == 0);
    }
}
