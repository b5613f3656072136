package com.openfulfil.dropship.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.openfulfil.dropship.events.catalog.CatalogMessage;
import com.openfulfil.dropship.events.notification.NotificationMessage;
import com.openfulfil.dropship.events.notification.NotificationPreference;
import com.openfulfil.dropship.events.order.OrderCommand;
import com.openfulfil.dropship.events.order.OrderEvent;
import com.openfulfil.dropship.events.ops.OpsMessage;
import com.openfulfil.dropship.events.partner.PartnerMessage;
import com.openfulfil.dropship.events.storefront.StorefrontMessage;
import com.openfulfil.dropship.events.supplier.SupplierMessage;
import com.openfulfil.dropship.events.tracking.TrackingMessage;

import java.time.Instant;
import java.util.List;

/**
 * Every message on every topic of the pipeline. The JSON carries its type in the {@code type}
 * field (the record's simple name), so one serde reads any topic and a reader can tell an
 * unknown type from a malformed one. Each producing service has one sealed family of events.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Event {

    /** The families of events, one sealed interface per producing service (see {@code Json#eventTypes()}). */
    List<Class<? extends Event>> FAMILIES = List.of(OrderEvent.class, OrderCommand.class, CatalogMessage.class,
            SupplierMessage.class, TrackingMessage.class, PartnerMessage.class, StorefrontMessage.class,
            NotificationMessage.class, NotificationPreference.class, OpsMessage.class);

    /** Unique id of this event; readers use it to drop replays. */
    String eventId();

    /** When the fact happened, as the producing service saw it. */
    Instant occurredAt();

    /** Version of this event's JSON shape; bumped only on an incompatible change. */
    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    default int schemaVersion() {
        return 1;
    }
}
