package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.ops.domain.Funnel;
import com.openfulfil.dropship.ops.domain.PipelineHistory;
import com.openfulfil.dropship.ops.pipeline.PipelineSampler;
import com.openfulfil.dropship.ops.pipeline.PipelineSnapshot;
import com.openfulfil.dropship.ops.stream.ConsoleQueries;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the sampler's latest reading and the funnel to the pipeline's history, for the charts: what each
 * stage (the service that writes a topic, from the registry) wrote per second, each consumer group's lag,
 * and the orders in each status.
 */
@Component
class PipelineHistoryRecorder {
    private final PipelineSampler sampler;
    private final ConsoleQueries queries;
    private final PipelineHistory history;

    PipelineHistoryRecorder(PipelineSampler sampler, ConsoleQueries queries, PipelineHistory history) {
        this.sampler = sampler;
        this.queries = queries;
        this.history = history;
    }

    /** Once a history step: the history keeps no more, so reading the funnel more often would be work thrown away. */
    @Scheduled(fixedDelayString = "#{T(com.openfulfil.dropship.ops.config.OpsConfig).HISTORY_STEP.toMillis()}",
            initialDelayString = "3s")
    void record() {
        PipelineSnapshot snapshot = sampler.latest();
        if (snapshot.sampledAt() == null) {
            return;
        }
        Map<String, Double> written = new TreeMap<>();
        snapshot.topics().stream().filter(t -> !t.writer().isEmpty())
                .forEach(t -> written.merge(t.writer(), t.perSecond(), Double::sum));
        Map<String, Long> lag = new TreeMap<>();
        snapshot.groups().forEach(g -> lag.put(g.group(), g.lag()));
        Map<String, Long> funnel = new TreeMap<>();
        try {
            Funnel now = queries.funnel();
            now.stages().stream().filter(s -> s.orders() > 0).forEach(s -> funnel.put(s.status().name(), s.orders()));
        } catch (StoreUnavailableException e) {
            // the order view is restoring: this point has throughput and lag only
        }
        history.record(new PipelineHistory.Point(snapshot.sampledAt(), written, lag, funnel));
    }
}
