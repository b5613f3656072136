package com.openfulfil.dropship.gateway.web;

import com.openfulfil.dropship.gateway.domain.ScorecardReport;
import com.openfulfil.dropship.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** A supplier's scorecard (R3.6), for ops and for the supplier itself. */
@RestController
class ScorecardController {
    private final SupplierAccess access;
    private final SupplierFigures figures;
    private final Clock clock;

    ScorecardController(SupplierAccess access, SupplierFigures figures, Clock clock) {
        this.access = access;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/api/v1/suppliers/{supplierId}/scorecard")
    ScorecardReport scorecard(@PathVariable String supplierId, Caller caller) {
        access.check(supplierId, caller);
        return ScorecardReport.of(figures.scorecard(supplierId), clock.instant());
    }
}
