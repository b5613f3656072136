package com.openfulfil.dropship.events.supplier;

/**
 * What an operator asks of supplier-gateway about one supplier's part of an order
 * ({@code fulfilment.commands}, internal to supplier-gateway, keyed by orderId).
 */
public sealed interface GatewayCommand extends SupplierMessage permits RerouteRequested {
}
