package com.openfulfil.dropship.partner.connector;

import java.util.List;

/**
 * A service answered with an RFC 9457 problem: its status, title and detail, and the fields it
 * names ({@code customer.email}, {@code lines[0].salePrice}).
 */
public class ServiceProblem extends RuntimeException {
    private final int status;
    private final Problem problem;

    public record Problem(String type, String title, String detail, List<FieldError> errors) {
        public Problem {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    public record FieldError(String field, String message) {
    }

    public ServiceProblem(int status, Problem problem) {
        super(status + " " + problem.title());
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    /** The last part of the problem's type: {@code price-below-retail} for {@code /problems/price-below-retail}. */
    public String kind() {
        String type = problem.type() == null ? "" : problem.type();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
