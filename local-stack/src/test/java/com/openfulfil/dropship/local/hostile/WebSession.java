package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.local.hostile.Http.Answer;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session with the ops console module (the console, the partner app or the supplier
 * portal): its cookies, and the CSRF token of the last page it was shown, which its forms send back.
 */
final class WebSession {
    static final String CSRF_FIELD = "_csrf";
    /** The hidden field with the token, however a page orders its attributes. */
    private static final Pattern CSRF = Pattern.compile("<input\\b[^>]*\\bname=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]+)\"");
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String token;

    private WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A session that has signed in nowhere. */
    static WebSession anonymous(String base) {
        return new WebSession(base);
    }

    /** Signs in through the app's own form ({@code loginPath}, posted with the page's token); must land on {@code landing}. */
    static WebSession signIn(String base, String loginPath, Map<String, String> fields, String landing) {
        WebSession session = new WebSession(base);
        Answer page = session.get(loginPath);
        assertThat(page.status()).as("%s: %s", loginPath, page).isEqualTo(200);
        Answer signedIn = session.post(loginPath, fields, true);
        assertThat(signedIn.redirectPath()).as("signing in at %s: %s", loginPath, signedIn).isEqualTo(landing);
        return session;
    }

    /** A page as a browser asks for it; its CSRF token, if it has forms, becomes the one this session sends. */
    Answer get(String path) {
        Answer answer = Http.send(client, Http.request(base + path, "Accept", "text/html").GET());
        Matcher field = CSRF.matcher(answer.body());
        if (field.find()) {
            Matcher value = VALUE.matcher(field.group());
            if (value.find()) {
                token = value.group(1);
            }
        }
        return answer;
    }

    /** A form post, with this session's token when {@code withToken}, else as a page of another site sends it. */
    Answer post(String path, Map<String, String> fields, boolean withToken) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (withToken) {
            assertThat(token).as("a CSRF token from a page of this session").isNotNull();
            form.put(CSRF_FIELD, token);
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = Http.request(base + path, "Accept", "text/html",
                "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!withToken) {
            crossSite(request);
        }
        return Http.send(client, request);
    }

    /** A request with this session's cookies and anything else the caller sets. */
    Answer send(HttpRequest.Builder request) {
        return Http.send(client, request);
    }

    /** A multipart form post of one file ({@code field}), as the supplier portal's upload sends it. */
    Answer postFile(String path, String field, String fileName, String content, boolean withToken) {
        String boundary = "----hostile" + UUID.randomUUID().toString().replace("-", "");
        List<String> parts = new ArrayList<>();
        if (withToken) {
            parts.add("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + CSRF_FIELD + "\"\r\n\r\n" + token + "\r\n");
        }
        parts.add("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n");
        String body = String.join("", parts) + "--" + boundary + "--\r\n";
        HttpRequest.Builder request = Http.request(base + path, "Accept", "text/html",
                "Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!withToken) {
            crossSite(request);
        }
        return Http.send(client, request);
    }

    String token() {
        return token;
    }

    /** Every form of a page with method post that has no CSRF field, by its action. */
    static List<String> postFormsWithoutToken(String page) {
        List<String> missing = new ArrayList<>();
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            String tag = form.group().substring(0, form.group().indexOf('>') + 1);
            if (tag.toLowerCase().contains("method=\"post\"") && !CSRF.matcher(form.group(1)).find()) {
                missing.add(tag);
            }
        }
        return missing;
    }

    /** How many forms with method post a page has. */
    static long postForms(String page) {
        return FORM.matcher(page).results().filter(m -> m.group().toLowerCase().contains("method=\"post\"")).count();
    }

    /** What a browser adds to a form a page of another site submits. */
    private static void crossSite(HttpRequest.Builder request) {
        request.setHeader("Origin", "https://attacker.example");
        request.setHeader("Referer", "https://attacker.example/free-gift.html");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
