package com.openfulfil.dropship.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/**
 * Writes problem details from servlet filters (security, rate limits, body size), which answer
 * before any controller and so outside {@link ProblemDetailsAdvice}; same shape as the advice's.
 */
public final class ProblemResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, ApiProblem problem, Map<String, String> headers)
            throws IOException {
        ProblemDetail body = ProblemDetailsAdvice.problem(problem.status(), problem.type(), problem.title(),
                problem.getMessage(), problem.errors());
        problem.properties().forEach(body::setProperty);
        response.setStatus(problem.status().value());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /**
     * A read a filter cannot answer yet, because a store it needs is still loading or moving: 503 with
     * {@code Retry-After}, as {@link ProblemDetailsAdvice} answers the same from a controller.
     */
    public static void notReadableYet(HttpServletResponse response) throws IOException {
        write(response, ProblemDetailsAdvice.notReadableYet(),
                Map.of(HttpHeaders.RETRY_AFTER, ProblemDetailsAdvice.STORE_RETRY_AFTER));
    }
}
