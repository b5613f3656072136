package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ShippedParcel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a supplier's tracking upload row by row, like the catalog's feed import: good rows are
 * sent as shipments (the rows of one dispatch and carrier as one, so a parcel whose contents take
 * several rows is sent whole), bad rows are refused with their line, field and reason and change nothing,
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
        // the rows of one dispatch and carrier are one shipment: a parcel's contents may take several rows
        Map<String, List<TrackingUpload.Row>> shipments = parsed.rows().stream().collect(Collectors.groupingBy(
                row -> row.dispatchId() + " " + row.carrier(), LinkedHashMap::new, Collectors.toList()));
        for (List<TrackingUpload.Row> rows : shipments.values()) {
            TrackingUpload.Row first = rows.get(0);
            PortalDispatch d = mine.get(first.dispatchId());
            if (d == null) {
                refuseAll(rows, refused, "dispatch_id", "no dispatch " + first.dispatchId() + " of "
                        + who.supplier().displayName());
                continue;
            }
            if (!d.stage().canShip()) {
                refuseAll(rows, refused, "dispatch_id", first.dispatchId() + " is "
                        + d.stage().name().toLowerCase() + ": it cannot be shipped");
                continue;
            }
            List<ShippedParcel> fresh = parcels(rows).stream().filter(p -> !d.hasTrackingNumber(p.trackingNumber())
                    && !inThisFile.contains(d.dispatchId() + " " + p.trackingNumber())).toList();
            if (fresh.isEmpty()) {
                unchanged += rows.size();
                continue;
            }
            try {
                actions.sendWithoutWaiting(who, d, PortalAnswers.shipParcels(d, first.carrier(), fresh, clock.instant()));
                fresh.forEach(p -> inThisFile.add(d.dispatchId() + " " + p.trackingNumber()));
                applied += rows.size();
            } catch (GatewayClient.Refused e) {
                refuseAll(rows, refused, "", "the retailer refused it: " + e.getMessage());
            } catch (GatewayClient.Unavailable e) {
                refuseAll(rows, refused, "", "not sent, the retailer's system did not answer; upload the file again later");
            }
        }
        refused.sort(Comparator.comparingInt(TrackingUpload.Refusal::line));
        return new Report(parsed.received(), applied, unchanged, parsed.skipped(), List.copyOf(refused), null);
    }

    /** One shipment's parcels, in the order the file names them, each with the units its rows give it (or none). */
    private static List<ShippedParcel> parcels(List<TrackingUpload.Row> rows) {
        Map<String, Map<Integer, Integer>> parcels = new LinkedHashMap<>();
        for (TrackingUpload.Row row : rows) {
            for (String number : row.trackingNumbers()) {
                Map<Integer, Integer> units = parcels.computeIfAbsent(number, n -> new LinkedHashMap<>());
                if (row.namesContents()) {
                    units.merge(row.lineNo(), row.quantity(), Integer::sum);
                }
            }
        }
        return parcels.entrySet().stream().map(e -> new ShippedParcel(e.getKey(), e.getValue().isEmpty() ? null
                : e.getValue().entrySet().stream().map(u -> new ParcelItem(u.getKey(), null, u.getValue())).toList()))
                .toList();
    }

    private static void refuseAll(List<TrackingUpload.Row> rows, List<TrackingUpload.Refusal> refused, String field,
                                  String reason) {
        rows.forEach(row -> refused.add(new TrackingUpload.Refusal(row.line(), field, reason)));
    }
}
