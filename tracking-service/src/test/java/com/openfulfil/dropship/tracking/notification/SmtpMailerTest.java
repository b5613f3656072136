package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP mailer against a real SMTP dialogue on a socket. */
class SmtpMailerTest {

    @Test
    void sendsTheMailBySmtpWithItsNotificationIdAsMessageId() throws Exception {
        try (SmtpReceiver smtp = new SmtpReceiver()) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.port());
            SmtpMailer mailer = new SmtpMailer(sender, "orders@dropship.example",
                    Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));

            mailer.send(new Mail("3f1c-9a55", "an@example.vn", "Nguyễn Văn An", "vi",
                    "Đơn hàng o-1 của bạn đang trên đường giao", "Xin chào Nguyễn Văn An,\n\nMã vận đơn: VN1"));

            assertThat(smtp.received()).singleElement().satisfies(received -> {
                assertThat(received.recipients()).containsExactly("an@example.vn");
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(received.data().getBytes(StandardCharsets.UTF_8)));
                assertThat(message.getMessageID()).isEqualTo("<3f1c-9a55@dropship>");
                assertThat(message.getSubject()).isEqualTo("Đơn hàng o-1 của bạn đang trên đường giao");
                assertThat(received.text()).contains("Mã vận đơn: VN1");
                assertThat(message.getHeader("Content-Language")).containsExactly("vi");
                assertThat(message.getFrom()[0].toString()).isEqualTo("orders@dropship.example");
            });
        }
    }
}
