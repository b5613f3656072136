package com.openfulfil.dropship.catalog.domain;

/** The stock alerts of R1.4. */
public enum AlertKind {
    LOW_STOCK, OUT_OF_STOCK, BACK_IN_STOCK
}
