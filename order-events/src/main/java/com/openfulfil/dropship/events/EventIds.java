package com.openfulfil.dropship.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event and entity ids. Derived ids make a replayed step produce the same id again. */
public final class EventIds {
    private EventIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** A stable id for the given parts: the same parts always give the same id. */
    public static String derived(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
