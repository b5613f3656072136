package com.openfulfil.dropship.gateway.web;

/** The answer to a recorded supplier update: it is on the supplier's updates topic. */
record UpdateAccepted(boolean accepted, String eventId) {
}
