package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.events.serde.Json;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls of the suite, as any client on the network would make them; no redirect is followed. */
final class Http {
    static final String JSON = "application/json";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    /** An answer; {@code status} 0 when the call did not get through (the reason in {@code body}). */
    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.mapper().readTree(body.isEmpty() ? "{}" : body);
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        /** The path a redirect sends the client to, or null. */
        String redirectPath() {
            String location = header("Location");
            return status / 100 == 3 && location != null ? URI.create(location).getPath() : null;
        }

        @Override
        public String toString() {
            return status + (header("Location") == null ? "" : " to " + header("Location")) + " "
                    + (body.length() <= 300 ? body : body.substring(0, 300) + "...");
        }
    }

    static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    static Answer get(String url, String... headers) {
        return send(request(url, headers).GET());
    }

    /** A request with a body of the given content type. */
    static Answer send(String method, String url, String contentType, byte[] body, String... headers) {
        return send(request(url, headers).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static Answer postJson(String url, Object body, String... headers) {
        return send("POST", url, JSON, json(body), headers);
    }

    static byte[] json(Object value) {
        return Json.mapper().writeValueAsBytes(value);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Answer send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    static Answer send(HttpClient client, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    /**
     * A request that declares a body of {@code body.length} bytes and sends only its first
     * {@code sent}: a route that refuses bodies that large answers at once, one that reads them waits
     * for the rest (then this answers status 0). Over a socket of its own, since no HTTP client sends
     * less than it declares.
     */
    static Answer declaring(String method, String url, String contentType, byte[] body, int sent, String... headers) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method + " " + uri.getRawPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, sent);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            StringBuilder answer = new StringBuilder(String.valueOf(status));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(" | ").append(line);
            }
            return new Answer(status == null ? 0 : Integer.parseInt(status.split(" ")[1]), null, answer.toString());
        } catch (SocketTimeoutException e) {
            return new Answer(0, null, "no answer within 15 s with " + sent + " of " + body.length
                    + " bytes sent: the route was waiting to read the rest");
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        }
    }
}
