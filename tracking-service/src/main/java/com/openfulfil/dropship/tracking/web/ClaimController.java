package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.events.tracking.ClaimCloseRequested;
import com.openfulfil.dropship.events.tracking.ClaimFileRequested;
import com.openfulfil.dropship.events.tracking.TrackingMessage;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.streams.StoreQueries;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.stream.TrackingTopology;
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

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ops work lost-parcel claims (R5.3): list them, mark one filed with the carrier's reference, close
 * it when the carrier pays or refuses. A step the claim's state does not allow is refused with 409
 * and the current state; an allowed one is recorded on the parcel's topic and applied by its task
 * (202), which announces it on {@code tracking.events}.
 */
@RestController
class ClaimController {
    private static final String BY = "admin";
    private final AdminKey adminKey;
    private final StoreQueries stores;
    private final EventPublisher publisher;
    private final Clock clock;

    ClaimController(AdminKey adminKey, StoreQueries stores, EventPublisher publisher, Clock clock) {
        this.adminKey = adminKey;
        this.stores = stores;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Every claim this instance holds, oldest first; {@code state} keeps only OPEN, FILED or CLOSED ones. */
    @GetMapping("/api/v1/admin/claims")
    List<ClaimView> list(@RequestHeader(name = AdminKey.HEADER, required = false) String key,
                         @RequestParam(required = false) String state) {
        adminKey.require(key);
        Claim.State only = state == null ? null : state(state);
        Predicate<Claim> wanted = claim -> only == null || claim.state() == only;
        return stores.<Parcel, List<ClaimView>>read(TrackingTopology.PARCELS, store -> claims(store, wanted));
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
                claimId, settlement.outcome(), settlement.amount(), settlement.currency(), settlement.note(), BY));
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
        claims.sort(Comparator.comparing(view -> view.claim().openedAt()));
        return claims;
    }
}
