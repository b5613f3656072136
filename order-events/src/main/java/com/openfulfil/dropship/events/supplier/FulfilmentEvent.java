package com.openfulfil.dropship.events.supplier;

/** The normalised fulfilment events supplier-gateway writes on {@code fulfilment.events}. */
public sealed interface FulfilmentEvent extends SupplierMessage
        permits DispatchSent, SupplierAccepted, SupplierRejected, ParcelsShipped, DispatchCancelled,
        CancellationRefused, DispatchRerouted, SlaBreached, EscalatedToOps, ItemErrorReported, ReturnAuthorised {
}
