package com.openfulfil.dropship.catalog.domain;

import com.openfulfil.dropship.events.catalog.OfferFeedRow;
import com.openfulfil.dropship.events.model.ShippingOption;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a feed row must satisfy before it reaches the catalog. Only {@code sku} and
 * {@code supplierSku} are required (a stock-only feed is a partial update); an amount needs its
 * currency, because the row is the only place that says which one it is in.
 */
public final class FeedRules {
    /** Our SKUs are Kafka keys and URL path segments: letters, digits, '.', '_' and '-'. */
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Harmonized System code: 6 digits, or 8 or 10 with a country's subheadings; dots as printed (6912.00). */
    private static final Pattern HS_CODE = Pattern.compile("\\d{4}(\\.?\\d{2}){1,3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_TEXT = 200;
    private static final int MAX_DESCRIPTION = 5_000;

    private FeedRules() {
    }

    /** The row's problems, for a catalog that ranks offers in US dollars only. */
    public static List<RowProblem> check(OfferFeedRow row) {
        return check(row, ExchangeRates.USD_ONLY);
    }

    /** The row's problems; an offer priced in a currency {@code rates} cannot convert could not be ranked. */
    public static List<RowProblem> check(OfferFeedRow row, ExchangeRates rates) {
        List<RowProblem> problems = new ArrayList<>();
        if (blank(row.sku())) {
            problems.add(new RowProblem("sku", "is required"));
        } else if (!SKU.matcher(row.sku()).matches()) {
            problems.add(new RowProblem("sku", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (blank(row.supplierSku())) {
            problems.add(new RowProblem("supplierSku", "is required"));
        } else if (row.supplierSku().length() > MAX_TEXT) {
            problems.add(new RowProblem("supplierSku", "must be at most " + MAX_TEXT + " characters"));
        }
        text(problems, "title", row.title(), MAX_TEXT);
        text(problems, "description", row.description(), MAX_DESCRIPTION);
        imageUrls(problems, row.imageUrls());
        notNegative(problems, "cost", row.cost());
        notNegative(problems, "shippingCost", row.shippingCost());
        if (row.retailPrice() != null && row.retailPrice().signum() <= 0) {
            problems.add(new RowProblem("retailPrice", "must be greater than zero"));
        }
        currency(problems, row, rates);
        notNegative(problems, "stock", row.stock());
        notNegative(problems, "handlingDays", row.handlingDays());
        notNegative(problems, "priority", row.priority());
        notNegative(problems, "lowStockThreshold", row.lowStockThreshold());
        shippingOptions(problems, row);
        if (row.hsCode() != null && !HS_CODE.matcher(row.hsCode()).matches()) {
            problems.add(new RowProblem("hsCode", "must be an HS code of 6, 8 or 10 digits, dots allowed (6912.00)"));
        }
        if (row.countryOfOrigin() != null && !COUNTRIES.contains(row.countryOfOrigin())) {
            problems.add(new RowProblem("countryOfOrigin", "must be an ISO 3166-1 alpha-2 country code such as VN"));
        }
        return problems;
    }

    private static void shippingOptions(List<RowProblem> problems, OfferFeedRow row) {
        if (row.shippingOptions() == null) {
            return;
        }
        long services = row.shippingOptions().stream().map(ShippingOption::service).distinct().count();
        if (services < row.shippingOptions().size()) {
            problems.add(new RowProblem("shippingOptions", "must list each service (STANDARD, EXPEDITED) once"));
        }
    }

    private static void currency(List<RowProblem> problems, OfferFeedRow row, ExchangeRates rates) {
        boolean hasAmount = row.cost() != null || row.shippingCost() != null || row.retailPrice() != null
                || (row.shippingOptions() != null && !row.shippingOptions().isEmpty());
        if (row.currency() == null) {
            if (hasAmount) {
                problems.add(new RowProblem("currency", "is required when the row has an amount"));
            }
        } else if (!isCurrency(row.currency())) {
            problems.add(new RowProblem("currency", "must be an ISO 4217 code such as USD"));
        } else if ((row.cost() != null || row.shippingCost() != null) && !rates.canConvert(row.currency())) {
            problems.add(new RowProblem("currency", row.currency() + " has no exchange rate to " + rates.base()
                    + ": offers are ranked by landed cost in " + rates.base() + " (dropship.catalog.exchange-rates."
                    + row.currency() + ")"));
        }
    }

    private static boolean isCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void imageUrls(List<RowProblem> problems, List<String> urls) {
        if (urls == null) {
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                problems.add(new RowProblem("imageUrls[" + i + "]", "must be an http(s) URL"));
            }
        }
    }

    private static void text(List<RowProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new RowProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static void notNegative(List<RowProblem> problems, String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            problems.add(new RowProblem(field, "must not be negative"));
        }
    }

    private static void notNegative(List<RowProblem> problems, String field, Integer value) {
        if (value != null && value < 0) {
            problems.add(new RowProblem(field, "must not be negative"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
