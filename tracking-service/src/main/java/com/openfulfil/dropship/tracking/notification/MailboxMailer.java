package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Properties;

/**
 * Writes each mail into a folder as {@code <notificationId>.eml}, so a person can open what a
 * customer would get. A resend overwrites the same file; the file appears whole or not at all.
 */
public final class MailboxMailer implements Mailer {
    /** A whole message, as a rule: one write per mail. */
    private static final int BUFFER_BYTES = 16 * 1024;
    private final Path folder;
    private final String from;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public MailboxMailer(Path folder, String from, Clock clock) {
        this.folder = folder;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(mail.notificationId() + ".eml.part");
            // buffered: the MIME encoders write a byte at a time, and unbuffered each byte was a system call
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), BUFFER_BYTES)) {
                MimeMessages.of(session, mail, from, clock).writeTo(out);
            }
            Files.move(partial, folder.resolve(mail.notificationId() + ".eml"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write mail " + mail.notificationId() + " to " + folder, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write mail " + mail.notificationId(), e);
        }
    }
}
