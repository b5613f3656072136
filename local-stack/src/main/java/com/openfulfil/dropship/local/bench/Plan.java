package com.openfulfil.dropship.local.bench;

/**
 * What the bench needs to remember of an order it places (not the request body, which can be
 * rebuilt from the sequence number): its step, whether a partner places it, which suppliers it
 * must reach, and when it was meant to be sent.
 *
 * @param supplierMask   bit i set when the order must reach the bench catalog's i-th supplier
 * @param intendedMicros epoch microseconds at which the schedule meant to send it
 */
record Plan(long seq, int step, boolean partner, long supplierMask, long intendedMicros) {
}
