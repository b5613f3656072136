package com.openfulfil.dropship.tracking.connector;

import com.openfulfil.dropship.events.model.Carrier;
import org.springframework.stereotype.Component;

import java.util.Map;

import static com.openfulfil.dropship.events.model.ParcelStatus.ATTEMPT_FAIL;
import static com.openfulfil.dropship.events.model.ParcelStatus.AVAILABLE_FOR_PICKUP;
import static com.openfulfil.dropship.events.model.ParcelStatus.DELIVERED;
import static com.openfulfil.dropship.events.model.ParcelStatus.EXCEPTION;
import static com.openfulfil.dropship.events.model.ParcelStatus.INFO_RECEIVED;
import static com.openfulfil.dropship.events.model.ParcelStatus.IN_TRANSIT;
import static com.openfulfil.dropship.events.model.ParcelStatus.OUT_FOR_DELIVERY;

/** Colissimo (La Poste) event codes: DR1 announced, PC1 taken in, ET1-ET4 sorting, MD2 out, DI1 delivered. */
@Component
class ColissimoAdapter extends CarrierCodes {
    ColissimoAdapter() {
        super(Carrier.COLISSIMO, Map.ofEntries(
                Map.entry("DR1", INFO_RECEIVED),        // déclaratif réceptionné
                Map.entry("PC1", IN_TRANSIT),           // pris en charge
                Map.entry("PC2", IN_TRANSIT),           // pris en charge dans le pays d'expédition
                Map.entry("ET1", IN_TRANSIT),           // en cours de traitement
                Map.entry("ET2", IN_TRANSIT),
                Map.entry("ET3", IN_TRANSIT),
                Map.entry("ET4", IN_TRANSIT),
                Map.entry("DO1", IN_TRANSIT),           // entrée en douane
                Map.entry("DO2", IN_TRANSIT),           // sortie de douane
                Map.entry("MD2", OUT_FOR_DELIVERY),     // mis en distribution
                Map.entry("AG1", AVAILABLE_FOR_PICKUP), // en attente de retrait au point de retrait
                Map.entry("ND1", ATTEMPT_FAIL),         // non distribuable, nouvelle présentation
                Map.entry("AN1", EXCEPTION),            // anomalie
                Map.entry("RE1", EXCEPTION),            // retourné à l'expéditeur
                Map.entry("DI1", DELIVERED),            // distribué
                Map.entry("DI2", DELIVERED)));          // distribué au point de retrait
    }
}
