package com.openfulfil.dropship.events.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The carriers the pipeline supports: the one list every module takes its carrier codes from
 * (tracking-service's adapters and settings, the supplier portal's choice, the simulators). A
 * carrier is added here, nowhere else. Events keep carrying the code as text ({@link #code()}), so
 * adding a carrier changes no event format.
 */
public enum Carrier {
    COLISSIMO("Colissimo", "LAPOSTE"),
    DHL("DHL Express", "DHLEXPRESS"),
    FEDEX("FedEx"),
    SF("SF Express", "SFEXPRESS"),
    UPS("UPS"),
    VNPOST("Vietnam Post"),
    ZTO("ZTO Express");

    private final String displayName;
    private final Set<String> aliases;

    /** @param aliases other ids a carrier goes by in settings and webhooks ({@code LAPOSTE} for Colissimo) */
    Carrier(String displayName, String... aliases) {
        this.displayName = displayName;
        this.aliases = Set.of(aliases);
    }

    /** The code parcels, settings and events name the carrier by ({@code SF}). */
    public String code() {
        return name();
    }

    /** The carrier's own name, for people ({@code SF Express}). */
    public String displayName() {
        return displayName;
    }

    /** Other ids the carrier goes by, upper case. */
    public Set<String> aliases() {
        return aliases;
    }

    /** The carrier with this code or alias, in any case and with surrounding blanks ignored. */
    public static Optional<Carrier> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(wanted) || c.aliases.contains(wanted)).findFirst();
    }

    /**
     * The carrier with this code or alias; an unknown one is refused naming the setting it came from
     * and the known carriers, so a deployment mistyping a carrier fails at startup, not at the first parcel.
     */
    public static Carrier require(String id, String setting) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                setting + ": \"" + id + "\" is not a carrier we support; the carriers are " + known()));
    }

    /** {@code COLISSIMO (Colissimo), DHL (DHL Express), ...}: the list an unknown carrier's refusal names. */
    public static String known() {
        return Arrays.stream(values()).map(c -> c.name() + " (" + c.displayName + ")").collect(Collectors.joining(", "));
    }
}
