package com.openfulfil.dropship.tracking.domain.notification;

import java.util.Optional;

/**
 * Phone numbers as text messages need them: E.164, a plus and 8 to 15 digits. What customers type
 * (spaces, dashes, dots, brackets, a leading 00) is tidied; a number without its country code cannot
 * be dialled from abroad and gets no message.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    public static Optional<String> e164(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String tidy = typed.strip().replaceAll("[\\s().-]", "");
        if (tidy.startsWith("00")) {
            tidy = "+" + tidy.substring(2);
        }
        return tidy.matches("\\+[1-9][0-9]{7,14}") ? Optional.of(tidy) : Optional.empty();
    }
}
