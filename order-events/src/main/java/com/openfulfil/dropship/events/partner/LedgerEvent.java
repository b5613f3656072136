package com.openfulfil.dropship.events.partner;

import com.openfulfil.dropship.events.OrderScoped;

/** Entries of the commission ledger ({@code commissions.ledger}, keyed by partnerId). */
public sealed interface LedgerEvent extends PartnerMessage, OrderScoped permits CommissionEarned, CommissionReversed, CommissionPaidOut,
        CommissionRestored {
}
