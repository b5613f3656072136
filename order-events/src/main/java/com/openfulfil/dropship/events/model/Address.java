package com.openfulfil.dropship.events.model;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {

    /** "9 Other Road, Leeds, LS1 4AP, GB": the parts that are there, on one line (for notes and reasons). */
    public String oneLine() {
        return Stream.of(line1, line2, city, region, postalCode, country).filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(", "));
    }
}
