package com.openfulfil.dropship.catalog.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * How offers priced in different currencies are compared: every landed cost is counted in the
 * {@code base} currency, at the configured rate (base units per unit of the currency). An offer in
 * a currency without a rate cannot be ranked against the others, so the feed refuses it.
 */
public record ExchangeRates(String base, Map<String, BigDecimal> rates) {
    /** Only the base currency (US dollars), nothing to convert. */
    public static final ExchangeRates USD_ONLY = new ExchangeRates("USD", Map.of());

    public ExchangeRates {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
        rates.forEach((currency, rate) -> {
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("the exchange rate of " + currency + " must be greater than zero");
            }
        });
    }

    public boolean canConvert(String currency) {
        return currency.equals(base) || rates.containsKey(currency);
    }

    /** {@code amount} of {@code currency} in the base currency; empty when there is no rate for it. */
    public Optional<BigDecimal> inBase(BigDecimal amount, String currency) {
        if (amount == null || currency == null) {
            return Optional.empty();
        }
        if (currency.equals(base)) {
            return Optional.of(amount);
        }
        BigDecimal rate = rates.get(currency);
        return rate == null ? Optional.empty() : Optional.of(amount.multiply(rate, MathContext.DECIMAL64));
    }
}
