package com.openfulfil.dropship.tracking.notification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A mail part's body, transfer-encoded in one pass over a byte array: the plain text as
 * quoted-printable (RFC 2045 §6.7: readable where it is ASCII, lines of at most 76 characters), the
 * HTML as base64 in 76-character lines. Jakarta Mail's own encoders go through a chain of streams
 * one byte at a time, and building and encoding the mails took more CPU than tracking-service's
 * stream; a part made of these bytes is copied as it is.
 */
final class MimeBodies {
    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(MAX_LINE, new byte[]{'\r', '\n'});

    private MimeBodies() {
    }

    static byte[] base64(String text) {
        return BASE64.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Quoted-printable of {@code text} in UTF-8; each line break of the text ({@code \n}, {@code \r\n}
     * or {@code \r}) becomes a CRLF line break, longer lines are broken softly ({@code =} at the end).
     */
    static byte[] quotedPrintable(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        Out out = new Out(in.length + in.length / 8 + 16);
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out.hardBreak();
            } else if ((b == ' ' || b == '\t') && endsLine(in, i + 1)) {
                out.escaped(b); // whitespace at a line's end would be lost in transit
            } else if (b == '=' || b < ' ' && b != '\t' || b > '~') {
                out.escaped(b);
            } else {
                out.literal(b);
            }
        }
        return out.bytes();
    }

    private static boolean endsLine(byte[] in, int next) {
        return next == in.length || in[next] == '\r' || in[next] == '\n';
    }

    /** The encoded bytes, and how long the current line is, so a soft break comes before the 77th character. */
    private static final class Out {
        private byte[] bytes;
        private int size;
        private int line;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        void literal(int b) {
            room(1);
            bytes[size++] = (byte) b;
            line++;
        }

        void escaped(int b) {
            room(3);
            bytes[size++] = '=';
            bytes[size++] = HEX[b >> 4];
            bytes[size++] = HEX[b & 0xf];
            line += 3;
        }

        void hardBreak() {
            ensure(2);
            bytes[size++] = '\r';
            bytes[size++] = '\n';
            line = 0;
        }

        /** Breaks the line softly when {@code width} more characters and the {@code =} would pass 76. */
        private void room(int width) {
            if (line + width > MAX_LINE - 1) {
                ensure(3);
                bytes[size++] = '=';
                bytes[size++] = '\r';
                bytes[size++] = '\n';
                line = 0;
            }
            ensure(width);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
