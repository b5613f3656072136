package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.serde.Json;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ClaimCloseRequested;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.TrackingMessage;
import com.openfulfil.dropship.support.instances.AllInstances;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Ops work lost-parcel claims (R5.3): list them, mark one filed with the carrier's reference, close
 * it when the carrier pays or refuses. A step the claim's state does not allow is refused with 409
 * and the current state; an allowed one is recorded on the parcel's topic and applied by its task
 * (202), which announces it on {@code tracking.events}. With several instances a step is checked by
 * the instance holding the parcel ({@link ReadRouting}).
 */
@RestController
class ClaimController {
    private static final String BY = "admin";
    private static final Comparator<ClaimView> OLDEST_FIRST = Comparator.comparing(view -> view.claim().openedAt());
    private static final TypeReference<List<ClaimView>> CLAIMS = new TypeReference<>() {
    };
    private final AdminKey adminKey;
    private final StoreQueries stores;
    private final AllInstances all;
    private final EventPublisher publisher;
    private final Clock clock;

    ClaimController(AdminKey adminKey, StoreQueries stores, AllInstances all, EventPublisher publisher, Clock clock) {
        this.adminKey = adminKey;
        this.stores = stores;
        this.all = all;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Every claim, oldest first, gathered from every instance (each holds its parcels' claims);
     * {@code state} keeps only OPEN, FILED or CLOSED ones.
     */
    @GetMapping("/api/v1/admin/claims")
    List<ClaimView> list(@RequestHeader(name = AdminKey.HEADER, required = false) String key,
                         @RequestParam(required = false) String state, HttpServletRequest request) {
        adminKey.require(key);
        Claim.State only = state == null ? null : state(state);
        Predicate<Claim> wanted = claim -> only == null || claim.state() == only;
        List<List<ClaimView>> shares = all.gather(TrackingTopology.PARCELS, request,
                () -> stores.<Parcel, List<ClaimView>>read(TrackingTopology.PARCELS, store -> claims(store, wanted)),
                body -> Json.mapper().readValue(body, CLAIMS));
        // a parcel is held by one instance; by tracking number in case a rebalance showed it on two
        return shares.stream().flatMap(List::stream)
                .collect(Collectors.toMap(ClaimView::trackingNumber, view -> view, (first, second) -> first))
                .values().stream().sorted(OLDEST_FIRST).toList();
    }

    @PostMapping("/api/v1/admin/claims/{claimId}/filed")
    ResponseEntity<Void> filed(@RequestHeader(name = AdminKey.HEADER, required = false) String key,
                               @PathVariable String claimId, @RequestBody(required = false) byte[] body) {
        adminKey.require(key);
        Parcel parcel = withClaim(claimId);
        String reference = ClaimRequests.carrierReference(body);
        if (!parcel.watch().claim().canBeFiled()) {
            throw refused(parcel, "filed", "Only an open claim can be filed.");
        }
        return send(parcel, new ClaimFileRequested(EventIds.random(), clock.instant(), parcel.trackingNumber(), claimId,
                reference, BY));
    }

    @PostMapping("/api/v1/admin/claims/{claimId}/closed")
    ResponseEntity<Void> closed(@RequestHeader(name = AdminKey.HEADER, required = false) String key,
                                @PathVariable String claimId, @RequestBody(required = false) byte[] body) {
        adminKey.require(key);
        Parcel parcel = withClaim(claimId);
        Claim.Settlement settlement = ClaimRequests.settlement(body);
        if (parcel.watch().claim().finished()) {
            throw refused(parcel, "closed", "The claim is closed already.");
        }
        return send(parcel, new ClaimCloseRequested(EventIds.random(), clock.instant(), parcel.trackingNumber(),
                claimId, settlement.outcome(), settlement.amount(), settlement.currency(), settlement.note(), BY,
                settlement.remedy()));
    }

    private ResponseEntity<Void> send(Parcel parcel, TrackingMessage request) {
        publisher.publishAndWait(Topics.TRACKING_REGISTRATIONS, parcel.trackingNumber(), request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/tracking/" + parcel.trackingNumber())).build();
    }

    /** The registered parcel the claim is about; 404 when there is no such claim. */
    private Parcel withClaim(String claimId) {
        return Claim.trackingNumberOf(claimId)
                .flatMap(trackingNumber -> stores.<Parcel>get(TrackingTopology.PARCELS, trackingNumber))
                .filter(parcel -> parcel.registered() && parcel.watch().claim() != null)
                .orElseThrow(() -> ApiProblem.notFound("No claim " + claimId));
    }

    private static ApiProblem refused(Parcel parcel, String what, String why) {
        Claim claim = parcel.watch().claim();
        return ApiProblem.conflict("claim-state", "The claim cannot be " + what + " now",
                "The claim is " + claim.state() + ". " + why, Map.of("state", claim.state().name()));
    }

    private static Claim.State state(String text) {
        return Arrays.stream(Claim.State.values()).filter(s -> s.name().equals(text.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> ApiProblem.invalid(List.of(FieldProblem.of("state",
                        "must be OPEN, FILED or CLOSED"))));
    }

    private static List<ClaimView> claims(ReadOnlyKeyValueStore<String, Parcel> store, Predicate<Claim> wanted) {
        List<ClaimView> claims = new ArrayList<>();
        try (KeyValueIterator<String, Parcel> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Parcel> entry = all.next();
                Claim claim = entry.value.watch().claim();
                if (entry.value.registered() && claim != null && wanted.test(claim)) {
                    claims.add(ClaimView.of(entry.value));
                }
            }
        }
        claims.sort(OLDEST_FIRST);
        return claims;
    }
}
