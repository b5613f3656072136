package com.openfulfil.dropship.supplierportal.web;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the portal's pages write times ({@code ${@portalFormat.time(...)}}). The portal's own, so its pages
 * render whether it runs alone or in the ops console's process (whose pages have their own formats).
 */
@Component("portalFormat")
public class PortalFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
