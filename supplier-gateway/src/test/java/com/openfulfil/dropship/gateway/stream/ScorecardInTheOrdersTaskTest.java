package com.openfulfil.dropship.gateway.stream;

import com.openfulfil.dropship.support.streams.Locality;

/** Every supplier's books in the task that reads its orders (one partition, the default). */
class ScorecardInTheOrdersTaskTest extends ScorecardTopologyTest {
    @Override
    Locality locality() {
        return Locality.everything();
    }
}
