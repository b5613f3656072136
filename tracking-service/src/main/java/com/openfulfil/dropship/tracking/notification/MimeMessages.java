package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * The MIME form of a mail, the same whether it goes by SMTP or into the mailbox folder: plain text, or
 * {@code multipart/alternative} with the HTML beside it.
 */
final class MimeMessages {
    private MimeMessages() {
    }

    static MimeMessage of(Session session, Mail mail, String from, Clock clock) {
        try {
            MimeMessage message = new IdentifiedMessage(session, "<" + mail.notificationId() + "@dropship>");
            message.setFrom(new InternetAddress(from));
            message.setRecipient(MimeMessage.RecipientType.TO, mail.toName() == null
                    ? new InternetAddress(mail.to())
                    : new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            if (mail.html() == null) {
                message.setText(mail.text(), StandardCharsets.UTF_8.name());
            } else {
                // plain text first: a client shows the last alternative it can display; both parts are
                // encoded here and copied into the message as they are
                MimeBodyPart text = part("text/plain; charset=UTF-8", "quoted-printable",
                        MimeBodies.quotedPrintable(mail.text()));
                MimeBodyPart html = part("text/html; charset=UTF-8", "base64", MimeBodies.base64(mail.html()));
                message.setContent(new MimeMultipart("alternative", text, html));
            }
            message.setHeader("Content-Language", mail.language());
            message.setHeader("X-Notification-Id", mail.notificationId());
            message.setSentDate(Date.from(clock.instant()));
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("Cannot build the mail for notification " + mail.notificationId()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A part whose body is already transfer-encoded. */
    private static MimeBodyPart part(String contentType, String encoding, byte[] body) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        headers.setHeader("Content-Transfer-Encoding", encoding);
        return new MimeBodyPart(headers, body);
    }

    /** Keeps the Message-ID derived from the notificationId instead of a random one, so a resend is the same message. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
