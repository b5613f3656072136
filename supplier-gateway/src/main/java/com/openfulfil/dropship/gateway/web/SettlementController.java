package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.domain.Settlement;
import com.openfulfil.dropship.support.security.Caller;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the retailer owes a supplier for a period (R3.4), as JSON, or as CSV for a spreadsheet
 * ({@code Accept: text/csv} or {@code ?format=csv}).
 */
@RestController
class SettlementController {
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final SupplierAccess access;
    private final SupplierFigures figures;
    private final Clock clock;

    SettlementController(SupplierAccess access, SupplierFigures figures, Clock clock) {
        this.access = access;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/api/v1/suppliers/{supplierId}/settlement")
    ResponseEntity<?> settlement(@PathVariable String supplierId, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String format,
                                 @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                                 Caller caller) {
        access.check(supplierId, caller);
        Period period = Period.of(from, to, format);
        Settlement settlement = Settlement.of(supplierId, period.from(), period.to(), clock.instant(),
                figures.ledger(supplierId));
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(settlement);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"settlement-" + supplierId + "-"
                        + period.from() + "-" + period.to() + ".csv\"")
                .body(settlement.csv());
    }

    /** The days asked for, both included; every bad parameter is named at once. */
    record Period(LocalDate from, LocalDate to) {
        static Period of(String from, String to, String format) {
            List<FieldProblem> problems = new ArrayList<>();
            LocalDate start = date("from", from, problems);
            LocalDate end = date("to", to, problems);
            if (format != null && !format.equals("csv") && !format.equals("json")) {
                problems.add(FieldProblem.of("format", "must be csv or json"));
            }
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(FieldProblem.of("to", "must not be before from (" + start + ")"));
            }
            if (!problems.isEmpty()) {
                throw ApiProblem.invalid(problems);
            }
            return new Period(start, end);
        }

        private static LocalDate date(String field, String value, List<FieldProblem> problems) {
            if (value == null || value.isBlank()) {
                problems.add(FieldProblem.of(field, "is required (YYYY-MM-DD)"));
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of(field, "must be a date as YYYY-MM-DD"));
                return null;
            }
        }
    }
}
