package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;

/** Sends by SMTP (Spring Mail, {@code spring.mail.host}/{@code port}/...). */
final class SmtpMailer implements Mailer {
    private final JavaMailSenderImpl sender;
    private final String from;
    private final Clock clock;

    SmtpMailer(JavaMailSenderImpl sender, String from, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        sender.send(MimeMessages.of(sender.getSession(), mail, from, clock));
    }
}
