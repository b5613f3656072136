package com.openfulfil.dropship.tracking.web;

import com.openfulfil.dropship.events.model.ClaimOutcome;
import com.openfulfil.dropship.events.model.ParcelStatus;
import com.openfulfil.dropship.tracking.domain.Claim;
import com.openfulfil.dropship.tracking.domain.Parcel;
import com.openfulfil.dropship.tracking.domain.StatusReport;
import org.springframework.web.util.HtmlUtils;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The customer tracking page a shipping notice links to: plain HTML, no script, every carrier word
 * escaped (carriers' messages are text from outside). It shows the parcel, never the order or the
 * supplier behind it.
 */
final class TrackingPage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** The status labels ({@code tracking-page.properties}); the JVM's own locale never decides. */
    private static final ResourceBundle LABELS = ResourceBundle.getBundle("tracking-page", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private TrackingPage() {
    }

    static String of(Parcel parcel) {
        StringBuilder html = head("Parcel " + parcel.trackingNumber());
        html.append("<h1>Parcel ").append(e(parcel.trackingNumber())).append("</h1>\n")
                .append("<p>Carrier: ").append(e(parcel.registration().carrier())).append("</p>\n");
        if (!parcel.registration().contents().isEmpty()) {
            html.append("<p class=\"contents\">In this parcel: ").append(e(parcel.registration().contents()))
                    .append("</p>\n");
        }
        html.append("<p class=\"status\"><strong>").append(e(label(parcel.status()))).append("</strong></p>\n");
        claimNote(parcel.watch().claim()).ifPresent(note -> html.append("<p>").append(note).append("</p>\n"));
        List<StatusReport> newestFirst = parcel.checkpoints().stream()
                .sorted(Comparator.comparing(StatusReport::time).reversed()).toList();
        if (newestFirst.isEmpty()) {
            html.append("<p>No updates from the carrier yet.</p>\n");
        } else {
            html.append("<table>\n<tr><th>When</th><th>Where</th><th>What</th></tr>\n");
            for (StatusReport report : newestFirst) {
                html.append("<tr><td>").append(e(TIME.format(report.time()))).append("</td><td>")
                        .append(e(report.checkpoint().location())).append("</td><td>")
                        .append(e(report.checkpoint().message() != null ? report.checkpoint().message()
                                : label(report.status())))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String label(ParcelStatus status) {
        return LABELS.getString("status." + status.name());
    }

    /** What the customer is told of the parcel's claim; nothing once the parcel was delivered after all. */
    private static Optional<String> claimNote(Claim claim) {
        if (claim == null || claim.outcome() == ClaimOutcome.DELIVERED) {
            return Optional.empty();
        }
        return Optional.of(switch (claim.state()) {
            case OPEN -> "We have opened a claim with the carrier for this parcel and will contact you.";
            case FILED -> "Our claim with the carrier for this parcel is filed; we will contact you.";
            case CLOSED -> "The carrier has answered our claim for this parcel; we will contact you.";
        });
    }

    static String notFound(String trackingNumber) {
        return head("Parcel not found").append("<h1>Parcel not found</h1>\n<p>We know no parcel with tracking number ")
                .append(e(trackingNumber)).append(". It may take a day after shipping to appear.</p>\n</body>\n</html>\n")
                .toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(e(title)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}")
                .append("td,th{text-align:left;padding:.3em .6em .3em 0;vertical-align:top}</style>\n")
                .append("</head>\n<body>\n");
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
