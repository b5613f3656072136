package com.openfulfil.dropship.partner.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the partner app speaks, and which one a reader gets. */
public final class Languages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, VIETNAMESE);

    private Languages() {
    }

    /** A language the reader chose ("vi", "en"), if it is one we speak. */
    public static Optional<Locale> chosen(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /** The first language of the browser's preference list that we speak, else English. */
    public static Locale preferred(List<Locale> browserPreferences) {
        return browserPreferences.stream().map(Locale::toLanguageTag).map(Languages::chosen)
                .flatMap(Optional::stream).findFirst().orElse(ENGLISH);
    }
}
