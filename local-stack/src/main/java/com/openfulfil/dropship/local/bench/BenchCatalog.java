package com.openfulfil.dropship.local.bench;

import com.openfulfil.dropship.local.demo.DemoCatalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The catalog a bench runs on, made from a seed so every run has the same one: thousands of
 * products from a few dozen suppliers, each product offered by one to three of them, and a
 * popularity that follows Zipf's law (the most popular product sells about twice as often as the
 * second, three times as often as the third ...), so a few products are hot and most are rarely
 * ordered, as in a real shop.
 *
 * <p>Each product's first-choice offer has the lowest landed cost (cost plus shipping) and more
 * stock than any run can sell, so catalog-service always allocates a line to it: the bench knows
 * in advance which suppliers every order must reach, and no order is rejected for want of stock.
 */
final class BenchCatalog {
    static final int SKUS = 10_000;
    static final int SUPPLIERS = 24;
    static final double ZIPF_EXPONENT = 1.0;
    static final long SEED = 20_261_206L;
    static final String CURRENCY = "USD";
    /** Units of every first-choice offer, at least: no run sells that many of one product. */
    static final int FIRST_CHOICE_STOCK = 20_000_000;

    /** Where the suppliers ship from, with the kind of goods each sells (it names their products). */
    private static final List<String[]> SUPPLIER_SEEDS = List.of(
            new String[]{"shenzhen-electronics", "Shenzhen Electronics", "CN", "cable,charger,lamp,speaker,adapter"},
            new String[]{"ningbo-homeware", "Ningbo Homeware", "CN", "storage box,hanger,organiser,rack,bin"},
            new String[]{"yiwu-accessories", "Yiwu Accessories", "CN", "keyring,hair clip,phone case,badge,pouch"},
            new String[]{"hanoi-ceramics", "Hanoi Ceramics", "VN", "mug,bowl,teapot,plate,vase"},
            new String[]{"saigon-apparel", "Saigon Apparel", "VN", "t-shirt,hoodie,cap,sock,scarf"},
            new String[]{"dhaka-textiles", "Dhaka Textiles", "BD", "towel,bedsheet,pillowcase,apron,tote"},
            new String[]{"jaipur-crafts", "Jaipur Crafts", "IN", "cushion cover,throw,lantern,tray,coaster"},
            new String[]{"istanbul-rugs", "Istanbul Rugs", "TR", "rug,runner,kilim,doormat,bath mat"},
            new String[]{"lodz-linen", "Lodz Linen", "PL", "napkin,tablecloth,tea towel,duvet cover,curtain"},
            new String[]{"porto-cork", "Porto Cork", "PT", "coaster,trivet,wallet,board,placemat"},
            new String[]{"lyon-kitchen", "Lyon Kitchen", "FR", "whisk,pan,knife,grater,ladle"},
            new String[]{"milan-leather", "Milan Leather", "IT", "belt,wallet,card holder,bag,strap"},
            new String[]{"valencia-tiles", "Valencia Tiles", "ES", "tile,trivet,planter,mosaic,coaster"},
            new String[]{"leipzig-tools", "Leipzig Tools", "DE", "screwdriver,wrench,plier,hammer,tape measure"},
            new String[]{"rotterdam-garden", "Rotterdam Garden", "NL", "planter,seed tray,trowel,watering can,glove"},
            new String[]{"aarhus-design", "Aarhus Design", "DK", "candle holder,clock,shelf,frame,hook"},
            new String[]{"leeds-woollens", "Leeds Woollens", "GB", "blanket,beanie,mitten,jumper,throw"},
            new String[]{"austin-outdoor", "Austin Outdoor", "US", "bottle,flask,headlamp,tarp,carabiner"},
            new String[]{"toronto-toys", "Toronto Toys", "CA", "puzzle,block set,plush,kite,yo-yo"},
            new String[]{"guadalajara-glass", "Guadalajara Glass", "MX", "tumbler,carafe,jar,bowl,pitcher"},
            new String[]{"sao-paulo-footwear", "Sao Paulo Footwear", "BR", "sandal,slipper,sneaker,insole,lace"},
            new String[]{"bandung-batik", "Bandung Batik", "ID", "sarong,shirt,scarf,wall hanging,bag"},
            new String[]{"chiang-mai-silk", "Chiang Mai Silk", "TH", "scarf,tie,pouch,cushion,robe"},
            new String[]{"melbourne-beauty", "Melbourne Beauty", "AU", "soap,balm,brush,candle,lotion"});
    private static final List<String> ADJECTIVES = List.of("Classic", "Compact", "Deluxe", "Eco", "Everyday",
            "Handmade", "Large", "Light", "Mini", "Natural", "Premium", "Rustic", "Simple", "Soft", "Sturdy", "Travel");
    private static final List<String> COLOURS = List.of("black", "blue", "green", "grey", "natural", "red", "sand",
            "white");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** Harmonized System codes by the kind of goods, close enough for customs data. */
    private static final List<String> HS_CODES = List.of("6912.00", "6302.60", "8544.42", "9405.21", "4202.31",
            "6109.10", "4503.90", "7013.37", "8205.40", "9503.00");

    record Supplier(String id, String name, String country) {
    }

    /** One supplier's offer for a product; the first of a product's offers is its first choice. */
    record Offer(String supplierId, String supplierSku, BigDecimal cost, BigDecimal shippingCost, int stock,
                 int handlingDays, int priority) {
        BigDecimal landedCost() {
            return cost.add(shippingCost);
        }
    }

    record Sku(String sku, String title, BigDecimal retail, String hsCode, String countryOfOrigin, List<Offer> offers) {
        Offer firstChoice() {
            return offers.get(0);
        }
    }

    private final double exponent;
    private final long seed;
    private final List<Supplier> suppliers;
    private final Map<String, Integer> supplierIndex = new HashMap<>();
    private final List<Sku> skus;
    private final DemoCatalog.Product[] products;
    /** Product index by popularity rank (0 the most popular). */
    private final int[] byRank;
    private final double[] cumulative;
    /** For each supplier, its first-choice products (indexes) and their cumulative popularity. */
    private final int[][] supplierProducts;
    private final double[][] supplierCumulative;

    BenchCatalog(int skuCount, int supplierCount, double exponent, long seed) {
        if (supplierCount < 1 || supplierCount > SUPPLIER_SEEDS.size() || skuCount < supplierCount) {
            throw new IllegalArgumentException("1 to " + SUPPLIER_SEEDS.size() + " suppliers and at least as many "
                    + "products as suppliers");
        }
        this.exponent = exponent;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        this.suppliers = SUPPLIER_SEEDS.subList(0, supplierCount).stream()
                .map(s -> new Supplier(s[0], s[1], s[2])).toList();
        for (int i = 0; i < suppliers.size(); i++) {
            supplierIndex.put(suppliers.get(i).id(), i);
        }
        List<Sku> made = new ArrayList<>(skuCount);
        for (int i = 0; i < skuCount; i++) {
            made.add(sku(i, random));
        }
        this.skus = List.copyOf(made);
        this.products = skus.stream().map(s -> new DemoCatalog.Product(s.sku(), s.title(), s.retail(),
                s.firstChoice().supplierId())).toArray(DemoCatalog.Product[]::new);
        this.byRank = ranks(skuCount, random.nextLong());
        double[] weightOf = new double[skuCount];
        this.cumulative = new double[skuCount];
        double total = 0;
        for (int rank = 0; rank < skuCount; rank++) {
            double weight = 1 / Math.pow(rank + 1, exponent);
            weightOf[byRank[rank]] = weight;
            total += weight;
            cumulative[rank] = total;
        }
        this.supplierProducts = new int[supplierCount][];
        this.supplierCumulative = new double[supplierCount][];
        bySupplier(weightOf);
    }

    /** The bench's catalog: {@value #SKUS} products from {@value #SUPPLIERS} suppliers, Zipf popularity (s = 1). */
    static BenchCatalog standard() {
        return new BenchCatalog(SKUS, SUPPLIERS, ZIPF_EXPONENT, SEED);
    }

    private Sku sku(int i, SplittableRandom random) {
        int offers = offerCount(random.nextDouble());
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < Math.min(offers, suppliers.size())) {
            int s = random.nextInt(suppliers.size());
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        Supplier first = suppliers.get(chosen.get(0));
        String[] goods = SUPPLIER_SEEDS.get(chosen.get(0))[3].split(",");
        String title = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + goods[random.nextInt(goods.length)]
                + ", " + COLOURS.get(random.nextInt(COLOURS.size()));
        // retail from 4.99 to about 200, most of it cheap (log-uniform)
        BigDecimal retail = money(Math.exp(Math.log(4.99) + random.nextDouble() * Math.log(40)));
        BigDecimal cost = money(retail.doubleValue() * (0.25 + random.nextDouble() * 0.2));
        // shipping from 0.30 to about a quarter of the price (at most 5.80): every product sells above its landed cost
        BigDecimal shipping = money(0.3 + random.nextDouble() * Math.min(5.5, retail.doubleValue() * 0.25));
        String sku = String.format("SKU-%05d", i + 1);
        List<Offer> offerList = new ArrayList<>();
        offerList.add(new Offer(first.id(), supplierSku(first, i, 0), cost, shipping,
                FIRST_CHOICE_STOCK + random.nextInt(30_000_000), 1 + random.nextInt(4), 1));
        for (int k = 1; k < chosen.size(); k++) {
            Supplier backup = suppliers.get(chosen.get(k));
            // a backup costs at least 5 % more and ships for no less, so it never ranks first
            BigDecimal backupCost = money(cost.doubleValue() * (1.05 + random.nextDouble() * 0.25)).max(cost.add(CENT));
            BigDecimal backupShipping = money(shipping.doubleValue() + random.nextDouble() * 2);
            offerList.add(new Offer(backup.id(), supplierSku(backup, i, k), backupCost, backupShipping,
                    100 + random.nextInt(9_900), 1 + random.nextInt(6), 1 + k));
        }
        return new Sku(sku, title, retail, HS_CODES.get(random.nextInt(HS_CODES.size())), first.country(),
                List.copyOf(offerList));
    }

    /** 50 % one offer, 30 % two, 20 % three. */
    static int offerCount(double draw) {
        return draw < 0.5 ? 1 : draw < 0.8 ? 2 : 3;
    }

    private static String supplierSku(Supplier supplier, int product, int offer) {
        String prefix = Arrays.stream(supplier.id().split("-")).map(w -> w.substring(0, 1)).reduce("", String::concat)
                .toUpperCase(java.util.Locale.ROOT);
        return prefix + "-" + (100_000 + product * 7 + offer);
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** A shuffled order of the products, so the popular ones are spread over the suppliers. */
    private static int[] ranks(int count, long seed) {
        List<Integer> order = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private void bySupplier(double[] weightOf) {
        Map<Integer, List<Integer>> mine = new LinkedHashMap<>();
        for (int rank = 0; rank < byRank.length; rank++) {
            int product = byRank[rank];
            mine.computeIfAbsent(supplierIndex.get(skus.get(product).firstChoice().supplierId()), k -> new ArrayList<>())
                    .add(product);
        }
        for (int s = 0; s < suppliers.size(); s++) {
            int[] list = mine.getOrDefault(s, List.of()).stream().mapToInt(Integer::intValue).toArray();
            double[] cum = new double[list.length];
            double total = 0;
            for (int k = 0; k < list.length; k++) {
                total += weightOf[list[k]];
                cum[k] = total;
            }
            supplierProducts[s] = list;
            supplierCumulative[s] = cum;
        }
    }

    List<Supplier> suppliers() {
        return suppliers;
    }

    List<String> supplierIds() {
        return suppliers.stream().map(Supplier::id).toList();
    }

    List<Sku> skus() {
        return skus;
    }

    /** Index of a supplier of this catalog, -1 for any other. */
    int supplierIndex(String supplierId) {
        Integer index = supplierIndex.get(supplierId);
        return index == null ? -1 : index;
    }

    /** The product at {@code index} (in catalog order), as an order line names it, with its first-choice supplier. */
    DemoCatalog.Product product(int index) {
        return products[index];
    }

    /** The product at popularity {@code rank} (0 the most popular). */
    int productAtRank(int rank) {
        return byRank[rank];
    }

    /** A product drawn by popularity, from a uniform draw in [0, 1). */
    int popularProduct(double draw) {
        return byRank[pick(cumulative, draw)];
    }

    /** One of a supplier's first-choice products, drawn by popularity; -1 when the supplier has none. */
    int popularProductOf(int supplier, double draw) {
        int[] list = supplierProducts[supplier];
        return list.length == 0 ? -1 : list[pick(supplierCumulative[supplier], draw)];
    }

    /** How many products have this supplier as their first choice. */
    int firstChoiceCount(int supplier) {
        return supplierProducts[supplier].length;
    }

    private static int pick(double[] cumulative, double draw) {
        double target = draw * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, target);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulative.length - 1);
    }

    /**
     * supplier-gateway's supplier list for the run: every supplier of this catalog, over Kafka,
     * with the country it ships from (a list is bound from one source, so these replace the demo's).
     */
    List<String> gatewayArgs() {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < suppliers.size(); i++) {
            Supplier s = suppliers.get(i);
            String prefix = "--dropship.gateway.suppliers[" + i + "].";
            args.add(prefix + "id=" + s.id());
            args.add(prefix + "name=" + s.name());
            args.add(prefix + "transport=kafka");
            args.add(prefix + "country=" + s.country());
        }
        return args;
    }

    /**
     * Each supplier's feed rows, as the catalog feed API takes them: the first-choice offers when
     * {@code firstChoice}, else the backup offers. Every row names the product's title and price,
     * so whichever row the catalog applies first lists the product as it will stay.
     */
    Map<String, List<Map<String, Object>>> feeds(boolean firstChoice) {
        Map<String, List<Map<String, Object>>> feeds = new LinkedHashMap<>();
        suppliers.forEach(s -> feeds.put(s.id(), new ArrayList<>()));
        for (Sku sku : skus) {
            List<Offer> offers = firstChoice ? List.of(sku.firstChoice()) : sku.offers().subList(1, sku.offers().size());
            for (Offer offer : offers) {
                feeds.get(offer.supplierId()).add(row(sku, offer));
            }
        }
        feeds.values().removeIf(List::isEmpty);
        return feeds;
    }

    private static Map<String, Object> row(Sku sku, Offer offer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sku", sku.sku());
        row.put("supplierSku", offer.supplierSku());
        row.put("title", sku.title());
        row.put("retailPrice", sku.retail().toPlainString());
        row.put("cost", offer.cost().toPlainString());
        row.put("shippingCost", offer.shippingCost().toPlainString());
        row.put("currency", CURRENCY);
        row.put("stock", offer.stock());
        row.put("handlingDays", offer.handlingDays());
        row.put("priority", offer.priority());
        row.put("hsCode", sku.hsCode());
        row.put("countryOfOrigin", sku.countryOfOrigin());
        return row;
    }

    /** What the report says about the catalog. */
    String describe() {
        long offers = skus.stream().mapToLong(s -> s.offers().size()).sum();
        return String.format(java.util.Locale.ROOT, "%,d products from %d suppliers (%,d offers, 1-3 per product), "
                + "Zipf popularity (s = %.1f, seed %d)", skus.size(), suppliers.size(), offers, exponent, seed);
    }
}
