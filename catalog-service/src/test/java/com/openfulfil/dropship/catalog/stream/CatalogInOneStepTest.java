package com.openfulfil.dropship.catalog.stream;

import com.openfulfil.dropship.support.streams.Locality;

/** Every product in the task that reads the order (one partition, the default). */
class CatalogInOneStepTest extends CatalogTopologyTest {
    @Override
    Locality locality() {
        return Locality.everything();
    }
}
