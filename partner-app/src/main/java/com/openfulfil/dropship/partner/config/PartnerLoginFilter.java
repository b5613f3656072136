package com.openfulfil.dropship.partner.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * {@code POST /partner/login} with the partner's key in {@code apiKey}: on success the partner is
 * signed in (a new session id) and sent where they were going; on failure back to the sign-in page
 * with why ({@code invalid}, {@code revoked}, {@code unavailable}).
 */
final class PartnerLoginFilter extends AbstractAuthenticationProcessingFilter {
    static final String LOGIN = "/partner/login";

    PartnerLoginFilter(AuthenticationManager manager, SecurityContextRepository contexts, RequestCache requests) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN), manager);
        setSecurityContextRepository(contexts);
        setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setRequestCache(requests);
        success.setDefaultTargetUrl("/partner/catalog");
        setAuthenticationSuccessHandler(success);
        setAuthenticationFailureHandler((request, response, e) ->
                response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason(e)));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String key = request.getParameter("apiKey");
        return getAuthenticationManager().authenticate(PartnerAuthentication.typed(key == null ? null : key.strip()));
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof DisabledException) {
            return "revoked";
        }
        return e instanceof BadCredentialsException ? "invalid" : "unavailable";
    }
}
