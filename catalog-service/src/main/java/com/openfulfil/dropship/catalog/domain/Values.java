package com.openfulfil.dropship.catalog.domain;

import java.math.BigDecimal;

/** Partial-update helpers: a missing value keeps the current one. */
final class Values {
    private Values() {
    }

    static <T> T pick(T given, T current) {
        return given == null ? current : given;
    }

    /** Keeps the current amount when the new one is the same number ("12.5" = "12.50"), so a re-import changes nothing. */
    static BigDecimal money(BigDecimal given, BigDecimal current) {
        if (given == null || (current != null && given.compareTo(current) == 0)) {
            return current;
        }
        return given;
    }
}
