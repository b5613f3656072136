package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.events.ops.DeadLetterAction;
import com.openfulfil.dropship.ops.deadletters.DeadLetterActions;
import com.openfulfil.dropship.ops.deadletters.DeadLetterInbox;
import com.openfulfil.dropship.ops.domain.Funnel;
import com.openfulfil.dropship.ops.domain.OrderTrack;
import com.openfulfil.dropship.ops.domain.StockLevel;
import com.openfulfil.dropship.ops.domain.SupplierTally;
import com.openfulfil.dropship.ops.domain.PipelineHistory;
import com.openfulfil.dropship.ops.pipeline.PipelineSampler;
import com.openfulfil.dropship.ops.stream.ConsoleQueries;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** The console's data as JSON: what the pages poll, and the dead-letter actions for scripts. */
@RestController
@RequestMapping("/api/v1")
class ConsoleApi {
    private final PipelineSampler sampler;
    private final ConsoleQueries queries;
    private final DeadLetterInbox inbox;
    private final DeadLetterActions actions;
    private final PipelineHistory history;

    ConsoleApi(PipelineSampler sampler, ConsoleQueries queries, DeadLetterInbox inbox, DeadLetterActions actions,
               PipelineHistory history) {
        this.history = history;
        this.sampler = sampler;
        this.queries = queries;
        this.inbox = inbox;
        this.actions = actions;
    }

    @GetMapping("/pipeline")
    PipelineView pipeline() {
        Funnel funnel;
        try {
            funnel = queries.funnel();
        } catch (StoreUnavailableException e) {
            funnel = null;
        }
        return new PipelineView(sampler.latest(), funnel);
    }

    /** The last hour for the pipeline page's charts, column by column. */
    @GetMapping("/pipeline/history")
    PipelineHistory.Columns history() {
        return history.columns();
    }

    @GetMapping("/stuck-orders")
    List<OrderTrack> stuck() {
        return queries.stuck();
    }

    @GetMapping("/stock-alerts")
    List<StockLevel> stock() {
        return queries.stock();
    }

    @GetMapping("/suppliers")
    List<SupplierTally> suppliers() {
        return queries.suppliers();
    }

    @GetMapping("/dead-letters")
    List<DeadLetterView> deadLetters() {
        return inbox.pending().stream().map(DeadLetterView::of).toList();
    }

    @GetMapping("/audit")
    List<DeadLetterAction> audit() {
        return inbox.audit();
    }

    @PostMapping("/dead-letters/replay")
    DeadLetterAction replay(@Valid @RequestBody DeadLetterRequest request, Principal who) {
        return actions.replay(request.id(), who.getName());
    }

    @PostMapping("/dead-letters/discard")
    DeadLetterAction discard(@Valid @RequestBody DeadLetterRequest request, Principal who) {
        return actions.discard(request.id(), who.getName());
    }
}
