package com.openfulfil.dropship.events.model;

public enum PartnerStatus {
    APPLIED, GRANTED, REVOKED
}
