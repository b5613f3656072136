package com.openfulfil.dropship.tracking.domain.notification;

import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnInstructions;
import com.openfulfil.dropship.events.notification.NotificationRequested;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The customer messages in English, Chinese, Vietnamese and French ({@code notifications*.properties});
 * any other locale gets English. The JVM's own locale never decides: a Vietnamese customer gets
 * Vietnamese on any server.
 */
public final class MailTemplates {
    public static final Set<String> LANGUAGES = Set.of("en", "zh", "vi", "fr");
    private static final String BUNDLE = "notifications";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String trackingPageUrl;
    private final Branding branding;

    /** @param trackingPageUrl the customer tracking page, to which the tracking number is appended */
    public MailTemplates(String trackingPageUrl) {
        this(trackingPageUrl, Branding.plain(null));
    }

    /**
     * @param trackingPageUrl the customer tracking page, to which the tracking number is appended
     * @param branding        whose name and logo each store's customers see
     */
    public MailTemplates(String trackingPageUrl, Branding branding) {
        this.trackingPageUrl = trackingPageUrl.endsWith("/") ? trackingPageUrl : trackingPageUrl + "/";
        this.branding = branding;
    }

    public static String language(String localeTag) {
        String language = localeTag == null ? "" : Locale.forLanguageTag(localeTag).getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    public Mail render(NotificationRequested request) {
        String language = language(request.locale());
        Branding.Store store = branding.of(request.storefrontId());
        Object[] values = values(language, request, store);
        String subject = format(language, request.kind().name() + ".subject", values);
        String body = format(language, request.kind().name() + ".body", values);
        String text = body + "\n\n-- \n" + store.name();
        return new Mail(request.notificationId(), request.email(), request.customerName(), language, subject, text,
                HtmlMail.of(language, store, subject, body, (String) values[5]));
    }

    /** The text message for the same step, short, the store's name first, to {@code phone} (E.164). */
    public Sms text(NotificationRequested request, String phone) {
        String language = language(request.locale());
        Object[] values = values(language, request, branding.of(request.storefrontId()));
        return new Sms(request.notificationId(), phone, format(language, request.kind().name() + ".sms", values));
    }

    /**
     * {0} name, {1} order number, {2} expected days, {3} carrier, {4} tracking number, {5} link, {6} store,
     * {7} what the parcel holds, {8} units delivered, {9} units ordered, {10} the "in this parcel" line of a
     * shipping notice (empty when its shipment did not say what it holds), and on a return authorisation:
     * {11} the RMA number, {12} whom and where to send it (the "address to follow" line when the supplier has
     * none on file), {13} who pays the postage.
     */
    private Object[] values(String language, NotificationRequested request, Branding.Store store) {
        Object[] values = new Object[]{
                request.customerName() == null ? "" : request.customerName(),
                request.orderReference() == null ? request.orderId() : request.orderReference(),
                request.expectedDays() == null ? "" : request.expectedDays().toString(),
                request.carrier() == null ? "" : request.carrier(),
                request.trackingNumber() == null ? "" : request.trackingNumber(),
                request.trackingNumber() == null ? "" : trackingPageUrl + request.trackingNumber(),
                store.name(),
                contents(request.contents()),
                request.unitsDelivered() == null ? "" : request.unitsDelivered().toString(),
                request.unitsOrdered() == null ? "" : request.unitsOrdered().toString(),
                "", "", "", ""};
        if (request.contents() != null && !request.contents().isEmpty()) {
            values[10] = format(language, "contents", values) + "\n";
        }
        ReturnInstructions instructions = request.returnInstructions();
        if (instructions != null) {
            values[11] = instructions.rmaId();
            values[12] = instructions.address() == null ? format(language, "return.addressToFollow", values)
                    : addressBlock(instructions.returnTo(), instructions.address());
            values[13] = instructions.paidBy() == null ? ""
                    : format(language, "return.paidBy." + instructions.paidBy().name(), values);
        }
        return values;
    }

    /** The label as the customer copies it: whom to, then the address, one part a line, empty parts left out. */
    private static String addressBlock(String returnTo, Address address) {
        String cityLine = Stream.of(address.postalCode(), address.city()).filter(MailTemplates::present)
                .collect(Collectors.joining(" "));
        return Stream.of(returnTo, address.line1(), address.line2(), cityLine, address.region(), address.country())
                .filter(MailTemplates::present).collect(Collectors.joining("\n"));
    }

    private static boolean present(String part) {
        return part != null && !part.isBlank();
    }

    /** Units × title, as the parcel's shipment named them ("2 × Ceramic mug 350 ml, 1 × LED desk lamp"). */
    private static String contents(List<ParcelItem> items) {
        if (items == null) {
            return "";
        }
        return items.stream().map(i -> i.quantity() + " × " + (i.title() == null || i.title().isBlank() ? i.sku()
                : i.title())).collect(Collectors.joining(", "));
    }

    private static String format(String language, String key, Object[] values) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE,
                language.equals("en") ? Locale.ROOT : Locale.forLanguageTag(language), NO_FALLBACK);
        return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language)).format(values);
    }
}
