package com.openfulfil.dropship.support.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the service refuses, answered as RFC 9457 problem details. {@code type} becomes
 * {@code /problems/<type>}; {@code errors} names each bad field; {@code properties} adds members
 * (the order's current status on a 409, say).
 */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors,
                      Map<String, Object> properties) {
        super(detail == null ? title : detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = new LinkedHashMap<>(properties);
    }

    /** 400: the request is malformed or fields are invalid. */
    public static ApiProblem invalid(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors, Map.of());
    }

    /** 422: well-formed, but a business rule refuses it (unknown product, price rule, ...). */
    public static ApiProblem unprocessable(String type, String title, String detail, List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail, errors, Map.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, List.of(), Map.of());
    }

    public static ApiProblem conflict(String type, String title, String detail, Map<String, Object> properties) {
        return new ApiProblem(HttpStatus.CONFLICT, type, title, detail, List.of(), properties);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, List.of(), Map.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    /** 503: the data cannot be read yet (the service is starting, restoring or rebalancing); retry shortly. */
    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable", detail, List.of(),
                Map.of());
    }

    /** 503: a state store cannot be read while the service starts or rebalances (answer with Retry-After). */
    public static ApiProblem storeUnavailable() {
        return unavailable("The service is starting or rebalancing its data; retry in a moment.");
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
