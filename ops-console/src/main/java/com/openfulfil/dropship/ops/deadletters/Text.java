package com.openfulfil.dropship.ops.deadletters;

import java.nio.charset.StandardCharsets;

/** Bytes from a topic shown as text; a message that is not UTF-8 shows replacement characters, never fails. */
final class Text {
    private Text() {
    }

    static String of(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
