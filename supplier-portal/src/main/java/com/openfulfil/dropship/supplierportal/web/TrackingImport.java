package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.supplierportal.domain.Csv;
import com.openfulfil.dropship.supplierportal.domain.PortalAnswers;
import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import com.openfulfil.dropship.supplierportal.domain.TrackingUpload;
import com.openfulfil.dropship.supplierportal.stream.PortalQueries;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a supplier's tracking upload row by row, like the catalog's feed import: good rows are
 * sent as shipments, bad rows are refused with their line, field and reason and change nothing,
 * and parcels already recorded are left as they are, so the same file twice changes nothing.
 */
@Component
class TrackingImport {
    private final PortalQueries queries;
    private final PortalActions actions;
    private final SupplierPortalProperties properties;
    private final Clock clock;

    TrackingImport(PortalQueries queries, PortalActions actions, SupplierPortalProperties properties, Clock clock) {
        this.queries = queries;
        this.actions = actions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param fileProblem set when the file could not be read at all (then nothing was applied)
     */
    record Report(int rowsReceived, int rowsApplied, int rowsUnchanged, int rowsSkipped,
                  List<TrackingUpload.Refusal> rowsRefused, String fileProblem) {
        static Report unreadable(Csv.CsvException e) {
            return new Report(0, 0, 0, 0, List.of(), "line " + e.line() + ": " + e.getMessage());
        }
    }

    Report apply(SignedIn who, byte[] file) {
        TrackingUpload.Parsed parsed;
        try {
            parsed = TrackingUpload.parse(file, properties.carrierCodes());
        } catch (Csv.CsvException e) {
            return Report.unreadable(e);
        }
        Map<String, PortalDispatch> mine = queries.dispatches(who.supplierId()).stream()
                .collect(Collectors.toMap(PortalDispatch::dispatchId, Function.identity()));
        List<TrackingUpload.Refusal> refused = new ArrayList<>(parsed.refused());
        Set<String> inThisFile = new HashSet<>();
        int applied = 0;
        int unchanged = 0;
        for (TrackingUpload.Row row : parsed.rows()) {
            PortalDispatch d = mine.get(row.dispatchId());
            if (d == null) {
                refused.add(new TrackingUpload.Refusal(row.line(), "dispatch_id",
                        "no dispatch " + row.dispatchId() + " of " + who.supplier().displayName()));
            } else if (!d.stage().canShip()) {
                refused.add(new TrackingUpload.Refusal(row.line(), "dispatch_id",
                        row.dispatchId() + " is " + d.stage().name().toLowerCase() + ": it cannot be shipped"));
            } else if (row.trackingNumbers().stream().allMatch(n -> d.hasTrackingNumber(n)
                    || inThisFile.contains(d.dispatchId() + " " + n))) {
                unchanged++;
            } else {
                try {
                    actions.sendWithoutWaiting(who, d, PortalAnswers.ship(d, row.carrier(), row.trackingNumbers(),
                            clock.instant()));
                    row.trackingNumbers().forEach(n -> inThisFile.add(d.dispatchId() + " " + n));
                    applied++;
                } catch (GatewayClient.Refused e) {
                    refused.add(new TrackingUpload.Refusal(row.line(), "", "the retailer refused it: " + e.getMessage()));
                } catch (GatewayClient.Unavailable e) {
                    refused.add(new TrackingUpload.Refusal(row.line(), "",
                            "not sent, the retailer's system did not answer; upload the file again later"));
                }
            }
        }
        refused.sort(Comparator.comparingInt(TrackingUpload.Refusal::line));
        return new Report(parsed.received(), applied, unchanged, parsed.skipped(), List.copyOf(refused), null);
    }
}
