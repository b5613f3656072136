package com.openfulfil.dropship.tracking.domain.notification;

/** One e-mail, ready to send; {@code notificationId} becomes its Message-ID, so a resend is recognisable. */
public record Mail(String notificationId, String to, String toName, String language, String subject, String text) {
}
