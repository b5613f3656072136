package com.openfulfil.dropship.partner.config;

import com.openfulfil.dropship.partner.domain.Languages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/**
 * The partner app's language: the one the partner picked ({@code ?lang=vi}, remembered in a
 * cookie), else the first of the browser's languages we speak, else English. Only partner pages
 * pass through here, so the ops console is untouched.
 */
final class PartnerLocaleFilter extends OncePerRequestFilter {
    static final String COOKIE = "partner_lang";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Locale> picked = Languages.chosen(request.getParameter("lang"));
        picked.ifPresent(locale -> remember(locale, request, response));
        Locale locale = picked.or(() -> fromCookie(request))
                .orElseGet(() -> Languages.preferred(Collections.list(request.getLocales())));
        chain.doFilter(new LocalizedRequest(request, locale), response);
    }

    private static void remember(Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath(request.getContextPath() + "/partner");
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE))
                .findFirst().flatMap(c -> Languages.chosen(c.getValue()));
    }

    /** The request as Spring MVC's locale resolver sees it: in the partner's language. */
    private static final class LocalizedRequest extends HttpServletRequestWrapper {
        private final Locale locale;

        LocalizedRequest(HttpServletRequest request, Locale locale) {
            super(request);
            this.locale = locale;
        }

        @Override
        public Locale getLocale() {
            return locale;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(java.util.List.of(locale));
        }
    }
}
