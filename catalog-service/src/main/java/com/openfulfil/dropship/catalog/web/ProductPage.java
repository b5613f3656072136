package com.openfulfil.dropship.catalog.web;

import java.util.List;

/** One page of a product search. */
record ProductPage(List<ProductView> items, int page, int size, int total) {
}
