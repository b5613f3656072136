package com.openfulfil.dropship.tracking.notification;

import com.openfulfil.dropship.tracking.domain.notification.Mail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The MIME form of a mail: what a mail client reads back is exactly what the templates wrote. */
class MimeMessagesTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void aClientReadsBackTheTextAndTheHtmlAsWritten() throws Exception {
        String text = "Xin chào Nguyễn Văn An,\n\nĐơn hàng SHOP-1 = 2 × \"Cốc gốm\" \t\r\n"
                + "x".repeat(200) + " \nMã vận đơn: VN1\r.\n.\nend with a space ";
        String html = "<p>Xin chào <b>Nguyễn Văn An</b></p>\n<p>" + "ô".repeat(300) + "</p>";

        MimeMessage read = roundTrip(new Mail("n-1", "an@example.vn", "Nguyễn Văn An", "vi",
                "Đơn hàng SHOP-1 của bạn đã được xác nhận", text, html));

        assertThat(read.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) read.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part plain = parts.getBodyPart(0);
        assertThat(plain.isMimeType("text/plain")).isTrue();
        assertThat(((String) plain.getContent()).replace("\r\n", "\n")).isEqualTo(text.replace("\r\n", "\n")
                .replace('\r', '\n'));
        Part rich = parts.getBodyPart(1);
        assertThat(rich.isMimeType("text/html")).isTrue();
        assertThat(rich.getContent()).isEqualTo(html);
        assertThat(read.getSubject()).isEqualTo("Đơn hàng SHOP-1 của bạn đã được xác nhận");
        assertThat(read.getMessageID()).isEqualTo("<n-1@dropship>");
        assertThat(read.getHeader("Content-Language")).containsExactly("vi");
    }

    @Test
    void everyLineFitsTheMailLimitAndAsciiTextStaysReadable() throws Exception {
        String text = "Your parcel VN1 is on its way: http://localhost:8084/track/VN1 (" + "long ".repeat(40) + ")";
        byte[] raw = raw(new Mail("n-2", "lan@example.vn", null, "en", "Shipped", text, "<p>" + text + "</p>"));

        String message = new String(raw, StandardCharsets.US_ASCII);
        assertThat(message.split("\r\n", -1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(message).contains("Your parcel VN1 is on its way: http://localhost:8084/track/VN1");
        for (byte b : raw) {
            assertThat(b).as("7-bit").isNotNegative();
        }
    }

    @Test
    void quotedPrintableEscapesWhatWouldNotSurviveTransit() {
        assertThat(qp("a=b")).isEqualTo("a=3Db");
        assertThat(qp("trailing \nspace\t")).isEqualTo("trailing=20\r\nspace=09");
        assertThat(qp("é")).isEqualTo("=C3=A9");
        assertThat(qp("one\r\ntwo\rthree\n")).isEqualTo("one\r\ntwo\r\nthree\r\n");
        String soft = qp("y".repeat(100));
        assertThat(soft.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(soft.replace("=\r\n", "")).isEqualTo("y".repeat(100));
    }

    private static String qp(String text) {
        return new String(MimeBodies.quotedPrintable(text), StandardCharsets.US_ASCII);
    }

    private static MimeMessage roundTrip(Mail mail) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw(mail)));
    }

    private static byte[] raw(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MimeMessages.of(SESSION, mail, "orders@dropship.example", CLOCK).writeTo(out);
        return Arrays.copyOf(out.toByteArray(), out.size());
    }
}
