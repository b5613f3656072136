package com.openfulfil.dropship.catalog.it;

import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/** A large CSV feed made up as it is read: the test never holds it either. */
final class BigFeed {
    /** 2,000 products, each sent again and again with the same values, so the catalog's work stays small. */
    private static final int PRODUCTS = 2_000;

    private BigFeed() {
    }

    static InputStream csv(int rows) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int row = -1;

            @Override
            public boolean hasMoreElements() {
                return row < rows;
            }

            @Override
            public InputStream nextElement() {
                row++;
                String line = row == 0 ? "sku,supplierSku,title,cost,currency,stock,retailPrice\n"
                        : "BIG-" + (row % PRODUCTS) + ",LL-" + (row % PRODUCTS) + ",Linen " + (row % PRODUCTS)
                        + ",3.10,USD,500,9.90\n";
                return new java.io.ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
