package com.openfulfil.dropship.events.notification;

import com.openfulfil.dropship.events.model.NotificationKind;
import com.openfulfil.dropship.events.model.ParcelItem;
import com.openfulfil.dropship.events.model.ReturnInstructions;

import java.time.Instant;
import java.util.List;

/**
 * A message the customer should get, once. {@code notificationId} is derived from what the
 * message is about (the order and, for parcel messages, the tracking number or the silence it
 * announces), so a replay asks for the same message again and the sender sends it once.
 * {@code orderReference} is the order's number as the customer knows it (the storefront's own
 * reference, or the orderId). {@code locale} is the customer's BCP 47 tag; the sender picks the
 * template. {@code carrier} and {@code trackingNumber} are set for parcel messages,
 * {@code expectedDays} for the confirmation. {@code storefrontId} names the store the customer bought
 * from (its name and logo head the e-mail; null for a partner's order), {@code phone} the customer's
 * number for the text messages the store sends (null when none was given). {@code contents} is what a
 * shipped parcel holds (when its shipment said); {@code unitsDelivered} and {@code unitsOrdered} count the
 * order's units on a partial delivery. {@code returnInstructions} is set on a return authorisation, whose
 * {@code contents} are the units to send back.
 */
public record NotificationRequested(String eventId, Instant occurredAt, String orderId, String orderReference,
                                    String notificationId, NotificationKind kind, String locale,
                                    String customerName, String email,
                                    String carrier, String trackingNumber, Integer expectedDays,
                                    String storefrontId, String phone, List<ParcelItem> contents,
                                    Integer unitsDelivered, Integer unitsOrdered,
                                    ReturnInstructions returnInstructions)
        implements NotificationMessage {

    public NotificationRequested {
        contents = contents == null ? null : List.copyOf(contents);
    }

    /** A request that says nothing of a return. */
    public NotificationRequested(String eventId, Instant occurredAt, String orderId, String orderReference,
                                 String notificationId, NotificationKind kind, String locale, String customerName,
                                 String email, String carrier, String trackingNumber, Integer expectedDays,
                                 String storefrontId, String phone, List<ParcelItem> contents,
                                 Integer unitsDelivered, Integer unitsOrdered) {
        this(eventId, occurredAt, orderId, orderReference, notificationId, kind, locale, customerName, email, carrier,
                trackingNumber, expectedDays, storefrontId, phone, contents, unitsDelivered, unitsOrdered, null);
    }

    /** A request that says nothing of units. */
    public NotificationRequested(String eventId, Instant occurredAt, String orderId, String orderReference,
                                 String notificationId, NotificationKind kind, String locale, String customerName,
                                 String email, String carrier, String trackingNumber, Integer expectedDays,
                                 String storefrontId, String phone) {
        this(eventId, occurredAt, orderId, orderReference, notificationId, kind, locale, customerName, email, carrier,
                trackingNumber, expectedDays, storefrontId, phone, null, null, null);
    }

    /** A request that names no store and no phone number. */
    public NotificationRequested(String eventId, Instant occurredAt, String orderId, String orderReference,
                                 String notificationId, NotificationKind kind, String locale, String customerName,
                                 String email, String carrier, String trackingNumber, Integer expectedDays) {
        this(eventId, occurredAt, orderId, orderReference, notificationId, kind, locale, customerName, email, carrier,
                trackingNumber, expectedDays, null, null);
    }
}
