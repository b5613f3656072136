package com.openfulfil.dropship.order.domain;

import java.time.Instant;

/** The customer's confirmation of receipt, with the feedback they left (R2.6). */
public record Receipt(Integer rating, String comment, Instant at) {
}
