package com.openfulfil.dropship.order.web;

import com.openfulfil.dropship.events.EventIds;
import com.openfulfil.dropship.events.catalog.ProductUpdated;
import com.openfulfil.dropship.events.model.Address;
import com.openfulfil.dropship.events.model.Channel;
import com.openfulfil.dropship.events.model.Customer;
import com.openfulfil.dropship.events.model.OrderDetails;
import com.openfulfil.dropship.events.model.OrderLine;
import com.openfulfil.dropship.events.model.OrderSource;
import com.openfulfil.dropship.events.model.PaymentStatus;
import com.openfulfil.dropship.events.model.Priority;
import com.openfulfil.dropship.events.model.SpecialRequests;
import com.openfulfil.dropship.events.order.OrderPlaced;
import com.openfulfil.dropship.events.topics.Topics;
import com.openfulfil.dropship.order.config.OrderProperties;
import com.openfulfil.dropship.order.domain.OrderRecord;
import com.openfulfil.dropship.order.domain.PriceRule;
import com.openfulfil.dropship.support.kafka.EventPublisher;
import com.openfulfil.dropship.support.kafka.PublishFailedException;
import com.openfulfil.dropship.support.web.ApiProblem;
import com.openfulfil.dropship.support.web.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Order intake: checks a request against the catalog and the price rule, derives the order id
 * from the caller and its idempotency key, and records {@code OrderPlaced}. The same request with
 * the same key gets the same answer; another request with that key is a conflict.
 */
@Component
class OrderIntake {
    record Placed(String orderId, boolean replay) {
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Directory directory;
    private final OrderReader orders;
    private final EventPublisher publisher;
    private final Clock clock;
    private final InFlightOrders inFlight;
    private final Validator validator;

    OrderIntake(Directory directory, OrderReader orders, EventPublisher publisher, Clock clock,
                OrderProperties properties, Validator validator) {
        this.validator = validator;
        this.directory = directory;
        this.orders = orders;
        this.publisher = publisher;
        this.clock = clock;
        this.inFlight = new InFlightOrders(clock, properties.inFlightWindow());
    }

    Placed place(Caller caller, PlaceOrderRequest request, String idempotencyKey) {
        return place(caller, request, idempotencyKey,
                caller.kind() == Caller.Kind.PARTNER ? Channel.PARTNER : Channel.STOREFRONT);
    }

    /** @param channel where the storefront's order came from: its own API call, or its Shopify store's webhook */
    Placed place(Caller caller, PlaceOrderRequest request, String idempotencyKey, Channel channel) {
        boolean partner = caller.kind() == Caller.Kind.PARTNER;
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey : request.externalRef();
        checkFields(request, partner, key);
        OrderDetails details = details(caller, request, channel);
        String orderId = EventIds.derived(caller.kind().name(), caller.id(), key);
        return accept(orderId, details, partner);
    }

    /** An order accepted here but perhaps not stored yet, for reads right after the POST. */
    Optional<OrderRecord> inFlight(String orderId) {
        InFlightOrders.Entry entry = inFlight.get(orderId);
        return entry == null || !entry.written().isDone() || entry.written().isCompletedExceptionally()
                ? Optional.empty() : Optional.of(OrderRecord.accepted(orderId, entry.details(), entry.acceptedAt()));
    }

    /** Every bad field at once: the request's constraints, then what depends on the caller and the codes. */
    private void checkFields(PlaceOrderRequest request, boolean partner, String key) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<PlaceOrderRequest> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(FieldProblem.of(v.getPropertyPath().toString(), v.getMessage())));
        if (!problems.isEmpty() && (request.currency() == null || request.shipTo() == null || request.lines() == null
                || request.lines().contains(null))) {
            throw ApiProblem.invalid(problems);
        }
        if (key == null || key.isBlank()) {
            problems.add(FieldProblem.of("externalRef", "is required when no Idempotency-Key header is sent"));
        }
        Currency currency = currency(request.currency(), problems);
        if (request.shipTo().country() != null && request.shipTo().country().matches("[A-Z]{2}")
                && !COUNTRIES.contains(request.shipTo().country())) {
            problems.add(FieldProblem.of("shipTo.country", "is not an ISO 3166-1 country code"));
        }
        checkSalePrices(request, partner, currency, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        if (request.paymentStatus() == PaymentStatus.PENDING) {
            throw ApiProblem.unprocessable("payment-required", "The order is not paid",
                    "Only paid or authorized orders are fulfilled; send the order once payment is confirmed.",
                    List.of(FieldProblem.of("paymentStatus", "must be PAID or AUTHORIZED")));
        }
    }

    /** A partner names the price of each line; a storefront sells at the catalog's price. */
    private static void checkSalePrices(PlaceOrderRequest request, boolean partner, Currency currency,
                                        List<FieldProblem> problems) {
        for (int i = 0; i < request.lines().size(); i++) {
            BigDecimal salePrice = request.lines().get(i).salePrice();
            String field = "lines[" + i + "].salePrice";
            if (!partner && salePrice != null) {
                problems.add(FieldProblem.of(field, "is only accepted on partner orders (/api/v1/partner-orders)"));
            } else if (partner && salePrice == null) {
                problems.add(FieldProblem.of(field, "is required: the price you sell at"));
            } else if (partner && salePrice.signum() <= 0) {
                problems.add(FieldProblem.of(field, "must be greater than zero"));
            } else if (partner && currency != null
                    && salePrice.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                problems.add(FieldProblem.of(field, "has more decimals than " + currency.getCurrencyCode() + " allows ("
                        + currency.getDefaultFractionDigits() + ")"));
            }
        }
    }

    private static Currency currency(String code, List<FieldProblem> problems) {
        if (!code.matches("[A-Z]{3}")) {
            return null;  // already named by the request's constraints
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("currency", "is not an ISO 4217 currency code"));
            return null;
        }
    }

    /** Prices each line from the catalog; refuses unknown, unlisted or foreign-currency products and prices below retail. */
    private OrderDetails details(Caller caller, PlaceOrderRequest request, Channel channel) {
        List<FieldProblem> unavailable = new ArrayList<>();
        List<FieldProblem> belowRetail = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrderRequest.LinePart line = request.lines().get(i);
            String field = "lines[" + i + "]";
            Optional<ProductUpdated> found = directory.product(line.sku());
            if (found.isEmpty()) {
                unavailable.add(FieldProblem.of(field + ".sku", "no product " + line.sku() + " in the catalog"));
                continue;
            }
            ProductUpdated product = found.get();
            if (!product.listed()) {
                unavailable.add(FieldProblem.of(field + ".sku", product.sku() + " is out of stock and not listed"));
            } else if (!product.currency().equals(request.currency())) {
                unavailable.add(FieldProblem.of(field + ".sku", product.sku() + " is priced in " + product.currency()
                        + ", the order is in " + request.currency()));
            }
            BigDecimal salePrice = line.salePrice() != null ? line.salePrice() : product.retailPrice();
            if (!PriceRule.isAllowed(salePrice, product.retailPrice())) {
                belowRetail.add(FieldProblem.of(field + ".salePrice", salePrice + " is below the product's price "
                        + product.retailPrice()));
            }
            lines.add(new OrderLine(i + 1, product.sku(), product.title(), line.quantity(), product.retailPrice(),
                    salePrice, product.hsCode(), product.countryOfOrigin()));
        }
        if (!unavailable.isEmpty()) {
            throw ApiProblem.unprocessable("unavailable-product", "Some products cannot be ordered",
                    unavailable.size() == 1 ? unavailable.get(0).message() : unavailable.size() + " lines cannot be ordered",
                    unavailable);
        }
        if (!belowRetail.isEmpty()) {
            throw ApiProblem.unprocessable("price-below-retail", PriceRule.BELOW_RETAIL,
                    "A partner may sell at the product's price or above it; nothing was created.", belowRetail);
        }
        return new OrderDetails(source(caller, request, channel), request.currency(), customer(request), address(request),
                lines, request.priority() == null ? Priority.STANDARD : request.priority(), request.paymentStatus(),
                requests(request), request.paymentReference());
    }

    private Placed accept(String orderId, OrderDetails details, boolean partner) {
        Optional<OrderRecord> stored = orders.find(orderId);
        if (stored.isPresent()) {
            return replay(orderId, stored.get().details(), details, partner);
        }
        InFlightOrders.Entry earlier = inFlight.claim(orderId, details);
        if (earlier != null) {
            await(earlier);
            return replay(orderId, earlier.details(), details, partner);
        }
        try {
            publisher.publishAndWait(Topics.ORDERS_PLACED, orderId,
                    new OrderPlaced(EventIds.derived(orderId, "placed"), clock.instant(), orderId, details));
            inFlight.written(orderId);
            return new Placed(orderId, false);
        } catch (PublishFailedException e) {
            inFlight.failed(orderId, e);
            throw e;
        }
    }

    private static void await(InFlightOrders.Entry earlier) {
        try {
            earlier.written().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PublishFailedException failed ? failed
                    : new PublishFailedException("The first request with this key failed", e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("The first request with this key is still being written", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted", e);
        }
    }

    private static Placed replay(String orderId, OrderDetails first, OrderDetails now, boolean partner) {
        if (!asRequested(first, partner).equals(asRequested(now, partner))) {
            throw ApiProblem.conflict("idempotency-key-reused", "Idempotency key already used",
                    "This key was used for a different order request; use a new key for a new order.",
                    Map.of("orderId", orderId));
        }
        return new Placed(orderId, true);
    }

    /** What the caller asked for, without what intake added from the catalog (titles, retail prices). */
    private static OrderDetails asRequested(OrderDetails details, boolean partner) {
        List<OrderLine> lines = details.lines().stream()
                .map(l -> new OrderLine(l.lineNo(), l.sku(), null, l.quantity(), null, partner ? l.salePrice() : null))
                .toList();
        return new OrderDetails(details.source(), details.currency(), details.customer(), details.shipTo(), lines,
                details.priority(), details.paymentStatus(), details.requests(), details.paymentReference());
    }

    private static OrderSource source(Caller caller, PlaceOrderRequest request, Channel channel) {
        return caller.kind() == Caller.Kind.PARTNER
                ? new OrderSource(Channel.PARTNER, null, caller.id(), caller.name(), request.externalRef())
                : new OrderSource(channel, caller.id(), null, null, request.externalRef());
    }

    private static Customer customer(PlaceOrderRequest request) {
        PlaceOrderRequest.CustomerPart c = request.customer();
        return new Customer(c.name(), c.email(), c.phone(), c.locale() == null ? "en" : c.locale());
    }

    private static Address address(PlaceOrderRequest request) {
        return request.shipTo().toAddress();
    }

    private static SpecialRequests requests(PlaceOrderRequest request) {
        PlaceOrderRequest.RequestsPart r = request.requests();
        return r == null ? SpecialRequests.NONE
                : new SpecialRequests(Boolean.TRUE.equals(r.giftWrap()), Boolean.TRUE.equals(r.invoice()), r.note());
    }
}
