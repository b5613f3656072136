package com.openfulfil.dropship.tracking.domain.notification;

/**
 * One e-mail, ready to send; {@code notificationId} becomes its Message-ID, so a resend is recognisable.
 * {@code html}, when there is one, is sent beside the plain text as its alternative.
 */
public record Mail(String notificationId, String to, String toName, String language, String subject, String text,
                   String html) {

    /** A plain-text mail. */
    public Mail(String notificationId, String to, String toName, String language, String subject, String text) {
        this(notificationId, to, toName, language, subject, text, null);
    }
}
