package com.openfulfil.dropship.console.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;

/**
 * The response headers of every page of the console, the partner app and the supplier
 * portal. The pages load their scripts and styles from this origin only and carry no inline
 * script, so the policy forbids inline script outright: text that a customer, partner or supplier
 * typed is escaped when rendered, and even if it were not, a {@code <script>} or {@code onerror=}
 * in it would not run. Product pictures come from wherever the catalog says (https).
 */
public final class PageHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private PageHeaders() {
    }

    /** Spring Security's defaults (no framing, no sniffing, no caching of pages) and the policy above. */
    public static Customizer<HeadersConfigurer<HttpSecurity>> forPages() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
    }
}
