package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
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
                // plain text first: a client shows the last alternative it can display
                // each part names its transfer encoding, so Jakarta Mail does not write the part once more
                // to find one: the text stays readable (quoted-printable), the HTML is encoded fast (base64)
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), StandardCharsets.UTF_8.name());
                text.setHeader("Content-Transfer-Encoding", "quoted-printable");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
                html.setHeader("Content-Transfer-Encoding", "base64");
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
