package com.openfulfil.dropship.partner.config;

import java.io.Serial;
import java.io.Serializable;

/**
 * The signed-in partner. The key lives only here, in the server-side session, and goes with every
 * call the app makes on the partner's behalf; no page ever holds it.
 */
public record PartnerAccount(String partnerId, String name, String apiKey) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "PartnerAccount[" + partnerId + ", " + name + "]";
    }
}
