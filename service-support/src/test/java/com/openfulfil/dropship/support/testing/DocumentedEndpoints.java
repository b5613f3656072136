package com.openfulfil.dropship.support.testing;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints the project's docs promise for one service, checked against the OpenAPI document
 * that service publishes: an endpoint the docs name and the running service does not describe
 * fails the service's build, so the docs and the API cannot drift apart unnoticed.
 * <p>
 * The docs are read, not copied into each test, so that a route added to the docs is checked
 * without anyone remembering to list it twice. Two forms are read, each chosen because it says
 * without guessing which service a route belongs to:
 * <ul>
 * <li>a code span {@code `METHOD /path`} in a section (of {@code docs/*.md}) whose heading names the
 * service, e.g. {@code ## commission-service (port 8085)} and everything under it. In the first
 * cell of a table row, where one cell lists several routes, the shorthands the docs use are
 * understood too: a bare {@code `/path`} takes the methods before it, {@code `GET`, `DELETE /path`}
 * gives the path both methods, and {@code `.../last`} replaces the last segment of the path before;</li>
 * <li>a {@code curl} example, anywhere in the docs or the README, that calls the service's
 * documented port on localhost ({@code -X} names the method; a body without it is a POST).</li>
 * </ul>
 * Only {@code /api/**} and {@code /webhooks/**} are checked: that is what every service's OpenAPI
 * document describes; health, metrics, pages and instance-to-instance routes are documented
 * elsewhere and are not part of it. Path variables match by position, whatever their name
 * ({@code <orderId>}, {@code {orderId}} or an example value such as {@code MUG-001}).
 */
public final class DocumentedEndpoints {
    private static final String METHODS = "GET|POST|PUT|PATCH|DELETE";
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern METHOD_AND_PATH = Pattern.compile("^(" + METHODS + ")\\s+(/\\S*)$");
    private static final Pattern METHOD_ALONE = Pattern.compile("^(" + METHODS + ")$");
    private static final Pattern CURL_URL = Pattern.compile("https?://localhost:(\\d+)(/[^\\s'\"]*)");
    private static final Pattern CURL_METHOD = Pattern.compile("(?:-X|--request)\\s+([A-Z]+)");
    private static final Pattern CURL_BODY = Pattern.compile("\\s(?:-d|--data[a-z-]*|-F|--form)\\s");
    private static final Pattern VARIABLE = Pattern.compile("^(\\{[^}]*}|<[^>]*>)$");
    private static final Pattern ANY_SERVICE = Pattern.compile("(?<![\\w-])[a-z]+-(service|gateway|console)(?![\\w-])");
    private static final String ANY = "{}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String service;
    private final Set<String> endpoints;

    private DocumentedEndpoints(String service, Set<String> endpoints) {
        this.service = service;
        this.endpoints = endpoints;
    }

    /**
     * What the project's docs ({@code docs/*.md} and {@code README.md}, found from the working
     * directory upwards) promise for {@code service}, whose port in the docs is {@code documentedPort}.
     */
    public static DocumentedEndpoints of(String service, int documentedPort) {
        Path root = projectRoot();
        List<String> documents = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                documents.add(Files.readString(doc, StandardCharsets.UTF_8));
            }
            documents.add(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The docs could not be read under " + root, e);
        }
        return parse(service, documentedPort, documents);
    }

    /** What {@code documents} (markdown) promise for {@code service}, whose port in them is {@code documentedPort}. */
    public static DocumentedEndpoints parse(String service, int documentedPort, List<String> documents) {
        Set<String> found = new TreeSet<>();
        for (String document : documents) {
            read(document, service, documentedPort, found);
        }
        found.removeIf(endpoint -> !described(endpoint.substring(endpoint.indexOf(' ') + 1)));
        return new DocumentedEndpoints(service, found);
    }

    /** Each as {@code "<METHOD> <path>"}, path variables written {@code {}}, e.g. {@code "GET /api/v1/orders/{}"}. */
    public Set<String> endpoints() {
        return endpoints;
    }

    /** The documented endpoints the OpenAPI document {@code openApi} does not describe. */
    public List<String> missingFrom(JsonNode openApi) {
        List<String[]> operations = new ArrayList<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().propertyNames().stream()
                .map(key -> key.toUpperCase(Locale.ROOT)).filter(key -> key.matches(METHODS))
                .forEach(method -> operations.add(new String[] {method, path.getKey()})));
        return endpoints.stream().filter(endpoint -> operations.stream().noneMatch(operation -> {
            String[] documented = endpoint.split(" ", 2);
            return documented[0].equals(operation[0]) && samePath(documented[1], operation[1]);
        })).toList();
    }

    /**
     * Fetches {@code /v3/api-docs} of the service running at {@code port}, without credentials, and
     * fails naming every documented endpoint it does not describe; and opens the page that browses
     * it, {@code /swagger-ui.html}, without credentials too.
     */
    public void checkPublishedAt(int port) {
        assertThat(endpoints).as("the endpoints the docs name for " + service).isNotEmpty();
        HttpResponse<String> document = fetch(port, "/v3/api-docs");
        assertThat(document.statusCode()).as("GET /v3/api-docs without credentials").isEqualTo(200);
        assertThat(missingFrom(Json.mapper().readTree(document.body())))
                .as("endpoints the docs name for " + service + " but its OpenAPI document does not describe")
                .isEmpty();
        HttpResponse<String> page = fetch(port, "/swagger-ui.html");
        assertThat(page.statusCode()).as("GET /swagger-ui.html without credentials, its redirect followed").isEqualTo(200);
        assertThat(page.body()).as("the Swagger UI page").contains("swagger-ui");
    }

    private static HttpResponse<String> fetch(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(path + " could not be fetched: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void read(String document, String service, int documentedPort, Set<String> found) {
        Pattern named = Pattern.compile("(?<![\\w-])" + Pattern.quote(service) + "(?![\\w-])");
        Deque<Heading> headings = new ArrayDeque<>();
        boolean fenced = false;
        String[] lines = document.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                int level = heading.group(1).length();
                while (!headings.isEmpty() && headings.peek().level() >= level) {
                    headings.pop();
                }
                headings.push(new Heading(level, heading.group(2)));
                continue;
            }
            if (line.contains("curl ")) {
                StringBuilder command = new StringBuilder(line);
                while (command.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                    command.append(' ').append(lines[++i]);
                }
                curl(command.toString(), documentedPort, found);
            } else if (!fenced && inSectionOf(named, headings)) {
                codeSpans(line, found);
            }
        }
    }

    /** The innermost heading that names a service decides whose section this is. */
    private static boolean inSectionOf(Pattern service, Deque<Heading> headings) {
        for (Heading heading : headings) {
            if (ANY_SERVICE.matcher(heading.text()).find()) {
                return service.matcher(heading.text()).find();
            }
        }
        return false;
    }

    private static void curl(String command, int documentedPort, Set<String> found) {
        Matcher url = CURL_URL.matcher(command);
        if (!url.find() || Integer.parseInt(url.group(1)) != documentedPort) {
            return;
        }
        Matcher method = CURL_METHOD.matcher(command);
        String verb = method.find() ? method.group(1) : CURL_BODY.matcher(command).find() ? "POST" : "GET";
        found.add(verb + " " + normalised(url.group(2)));
    }

    private static void codeSpans(String line, Set<String> found) {
        boolean tableRow = line.startsWith("|");
        // in a table the routes are in the first cell; the others describe them
        String text = tableRow ? line.substring(1).split("\\|", 2)[0] : line;
        List<String> methods = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String previous = null;
        Matcher span = CODE_SPAN.matcher(text);
        while (span.find()) {
            String code = span.group(1).trim();
            Matcher whole = METHOD_AND_PATH.matcher(code);
            String path = null;
            if (whole.matches()) {
                pending.add(whole.group(1));
                methods = List.copyOf(pending);
                pending.clear();
                path = whole.group(2);
            } else if (tableRow && METHOD_ALONE.matcher(code).matches()) {
                pending.add(code);
            } else if (tableRow && code.startsWith(".../") && previous != null) {
                path = previous.substring(0, previous.lastIndexOf('/')) + code.substring(3);
            } else if (tableRow && code.startsWith("/")) {
                path = code;
            }
            if (path != null) {
                previous = path;
                String endpoint = normalised(path);
                methods.forEach(m -> found.add(m + " " + endpoint));
            }
        }
    }

    /** Without its query, each path variable written {@code {}}. */
    private static String normalised(String path) {
        String withoutQuery = path.split("[?#]", 2)[0];
        return String.join("/", Arrays.stream(withoutQuery.split("/", -1))
                .map(segment -> VARIABLE.matcher(segment).matches() ? ANY : segment).toList());
    }

    /** What every service's OpenAPI document describes (springdoc.paths-to-match). */
    private static boolean described(String path) {
        return path.startsWith("/api/") || path.startsWith("/webhooks/");
    }

    /** A documented segment matches the same text, and any segment matches a path variable of the document. */
    private static boolean samePath(String documented, String described) {
        String[] ours = documented.split("/", -1);
        String[] theirs = described.split("/", -1);
        if (ours.length != theirs.length) {
            return false;
        }
        for (int i = 0; i < ours.length; i++) {
            if (!ours[i].equals(theirs[i]) && !VARIABLE.matcher(theirs[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/security.md")) && Files.isRegularFile(dir.resolve("README.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docs/ found above " + Path.of("").toAbsolutePath());
    }

    private record Heading(int level, String text) {
    }
}
