package com.openfulfil.dropship.commission.domain;

import com.openfulfil.dropship.events.EventIds;

import java.util.Locale;

/**
 * A partner's id, derived from their e-mail so that applying twice gives the same partner. It is
 * lower-case letters, digits and '-' only: it appears inside API keys ({@code pk_<partnerId>_<secret>})
 * and in URLs, and the hash suffix keeps two "lan@..." addresses apart without exposing the address.
 */
public final class PartnerIds {
    private static final int MAX_NAME = 24;

    private PartnerIds() {
    }

    public static String fromEmail(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        int at = normalised.indexOf('@');
        String local = at > 0 ? normalised.substring(0, at) : normalised;
        String slug = local.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_NAME) {
            slug = slug.substring(0, MAX_NAME).replaceAll("-+$", "");
        }
        String suffix = EventIds.derived("partner", normalised).replace("-", "").substring(0, 8);
        return "partner-" + (slug.isEmpty() ? "" : slug + "-") + suffix;
    }
}
