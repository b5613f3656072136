package com.openfulfil.dropship.events.model;

/**
 * How an order a lost parcel stopped is settled for its customer when ops close the parcel's claim
 * (R5.3): its units sent again as a replacement order, or their price refunded. Values are written
 * by name, so a new one goes at the end and its readers are deployed before its writers.
 */
public enum OrderRemedy {
    RESHIP, REFUND
}
