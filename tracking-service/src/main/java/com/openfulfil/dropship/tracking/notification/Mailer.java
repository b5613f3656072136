package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;

/** Delivers one e-mail, by SMTP or into a mailbox folder. Throws when it could not. */
public interface Mailer {
    void send(Mail mail);
}
