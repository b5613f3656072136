package com.openfulfil.dropship.events.model;

public enum Priority {
    STANDARD, EXPEDITED
}
