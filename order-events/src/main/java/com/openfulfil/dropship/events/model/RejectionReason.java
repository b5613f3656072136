package com.openfulfil.dropship.events.model;

public enum RejectionReason {
    OUT_OF_STOCK, ADDRESS, OTHER
}
