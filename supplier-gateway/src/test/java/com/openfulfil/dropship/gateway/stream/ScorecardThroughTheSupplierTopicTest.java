package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.support.streams.Locality;

/** Every supplier's books in another task (several partitions): the news goes there through fulfilment.by-supplier. */
class ScorecardThroughTheSupplierTopicTest extends ScorecardTopologyTest {
    @Override
    Locality locality() {
        return Locality.nothing();
    }
}
