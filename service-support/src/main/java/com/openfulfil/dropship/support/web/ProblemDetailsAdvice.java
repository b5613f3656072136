package com.openfulfil.dropship.support.web;

import com.openfulfil.dropship.support.kafka.PublishFailedException;
import com.openfulfil.dropship.support.streams.DeadLetters;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every error a service answers is RFC 9457 problem details ({@code application/problem+json})
 * with an {@code errors} array naming each bad field, so a storefront developer can fix the
 * request without reading our logs.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    /** Seconds a client waits before asking again for data that is not readable yet. */
    public static final String STORE_RETRY_AFTER = "1";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final ProblemLog problems = new ProblemLog(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        ProblemDetail body = problem(problem.status(), problem.type(), problem.title(), problem.getMessage(),
                problem.errors());
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(PublishFailedException.class)
    public ResponseEntity<ProblemDetail> unavailable(PublishFailedException e) {
        problems.warn("publish", "Refusing a request because Kafka is unavailable: " + e.getMessage());
        ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
                "The request was not recorded; retry it (with the same Idempotency-Key, if any).", List.of());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(body);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    public ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        problems.info(e.getMessage(), "Answering 503: " + e.getMessage());
        ApiProblem problem = notReadableYet();
        return ResponseEntity.status(problem.status()).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER)
                .body(problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), List.of()));
    }

    /** What a read that cannot be answered yet is told; servlet filters answer it too ({@link ProblemResponses}). */
    public static ApiProblem notReadableYet() {
        return ApiProblem.storeUnavailable();
    }

    /**
     * One line per kind of failure (the exception and where it was thrown), at most once a minute; the
     * stack trace only at DEBUG. A failure that every request meets would otherwise fill the disk.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String where = whereThrown(e);
        problems.error(e.getClass().getName() + "@" + where,
                "Unexpected error: " + DeadLetters.describe(e) + " (" + e.getClass().getName() + " at " + where + ")");
        log.debug("Unexpected error", e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request failed on our side; it is logged.", List.of());
        return ResponseEntity.internalServerError().body(body);
    }

    /** The project's own frame nearest to where it was thrown, which says more than a JDK's. */
    private static String whereThrown(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("com.openfulfil.")) {
                return frame.toString();
            }
        }
        return trace.length == 0 ? "?" : trace[0].toString();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(FieldProblem.of(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(FieldProblem.of("", g.getDefaultMessage())));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(FieldProblem.of(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return invalid(List.of(unreadable(ex)));
    }

    static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            return FieldProblem.of(path(unknown), "is not a field of this request");
        }
        if (ex.getCause() instanceof InvalidFormatException format) {
            return FieldProblem.of(path(format), "cannot be read as " + format.getTargetType().getSimpleName()
                    + ": " + format.getValue());
        }
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            return FieldProblem.of(path(json), json.getOriginalMessage());
        }
        return FieldProblem.of("", "The body is not valid JSON");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        ApiProblem problem = ApiProblem.invalid(errors);
        ProblemDetail body = problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), errors);
        return ResponseEntity.status(problem.status()).body(body);
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
                                 List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + type));
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors.stream()
                    .map(e -> Map.of("field", e.field(), "pointer", e.pointer(), "message", e.message()))
                    .toList());
        }
        return body;
    }
}
