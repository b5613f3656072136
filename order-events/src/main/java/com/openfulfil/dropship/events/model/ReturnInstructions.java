package com.openfulfil.dropship.events.model;

/**
 * What a customer needs to send a return back (R5.2): the RMA number to write on the parcel, whom
 * and where to send it ({@code address} null when the supplier has none on file yet) and who pays the
 * postage.
 */
public record ReturnInstructions(String rmaId, String returnTo, Address address, ReturnPayer paidBy) {
}
