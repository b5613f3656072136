package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.events.model.DispatchItem;
import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import com.openfulfil.dropship.supplierportal.domain.SlaClock;
import com.openfulfil.dropship.supplierportal.domain.SlaTerms;
import com.openfulfil.dropship.supplierportal.domain.Tab;

import java.time.Instant;
import java.util.stream.Collectors;

/** A dispatch with what the pages say about it now: its list, its SLA clock, its items in a line. */
public record DispatchView(PortalDispatch dispatch, Tab tab, SlaClock clock) {

    static DispatchView of(PortalDispatch dispatch, SlaTerms terms, Instant now) {
        return new DispatchView(dispatch, Tab.of(dispatch, terms, now), SlaClock.of(dispatch, terms, now).orElse(null));
    }

    public String sla() {
        return clock == null ? "" : clock.describe();
    }

    public boolean overdue() {
        return tab == Tab.OVERDUE;
    }

    public String items() {
        if (dispatch.details() == null) {
            return "(instruction not read yet)";
        }
        return dispatch.details().items().stream().map(DispatchView::item).collect(Collectors.joining(", "));
    }

    public String destination() {
        if (dispatch.details() == null || dispatch.details().shipTo() == null) {
            return "";
        }
        return dispatch.details().shipTo().city() + ", " + dispatch.details().shipTo().country();
    }

    private static String item(DispatchItem item) {
        return item.quantity() + " × " + item.supplierSku();
    }
}
