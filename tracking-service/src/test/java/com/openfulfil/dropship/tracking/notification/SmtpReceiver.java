package com.openfulfil.dropship.tracking.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real SMTP server for tests (RFC 5321's plain dialogue: EHLO, MAIL, RCPT, DATA, QUIT),
 * keeping each message it receives as its raw text with the envelope recipients.
 */
public final class SmtpReceiver implements AutoCloseable {
    /** One received message: the RCPT TO addresses and the DATA as sent (dot-unstuffed). */
    public record Received(List<String> recipients, String data) {
        /** The message's decoded text body. */
        public String text() {
            try {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
                return plainText(message.getContent());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Not a readable message: " + data, e);
            }
        }
    }

    /** The text/plain part of a message, whether it is plain text or text with an HTML alternative. */
    static String plainText(Object content) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return parts.getBodyPart(i).getContent().toString();
                }
            }
            throw new IllegalStateException("No text/plain part");
        }
        return content.toString();
    }

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** A receiver on a free loopback port, for a static field. */
    public static SmtpReceiver start() {
        try {
            return new SmtpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SmtpReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "smtp-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException e) {
                // the server was closed, or a client went away mid-dialogue: take the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost test SMTP");
        List<String> recipients = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 localhost");
                case "MAIL" -> {
                    recipients.clear();
                    reply(out, "250 OK");
                }
                case "RCPT" -> {
                    recipients.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    received.add(new Received(List.copyOf(recipients), data(in)));
                    reply(out, "250 OK queued");
                }
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static String data(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
