package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.support.streams.Locality;

/** Every product in another task (several partitions): each line's stock is asked for through Kafka. */
class CatalogThroughReservationTopicsTest extends CatalogTopologyTest {
    @Override
    Locality locality() {
        return Locality.nothing();
    }
}
