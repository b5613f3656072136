package com.openfulfil.dropship.partner.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * Where a partner's sign-in is kept: its own attribute of the session, apart from the ops login's,
 * so that neither ever counts as the other.
 */
public final class PartnerSessions {
    static final String CONTEXT_KEY = "DROPSHIP_PARTNER_SECURITY_CONTEXT";
    static final String SAVED_REQUEST_KEY = "DROPSHIP_PARTNER_SAVED_REQUEST";

    private PartnerSessions() {
    }

    /** The partner signed in on this request, if any. */
    public static Optional<PartnerAccount> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof PartnerAccount partner ? Optional.of(partner)
                : Optional.empty();
    }

    /** Signs the partner out, leaving anything else in the session (an ops login) alone. */
    public static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CONTEXT_KEY);
        }
        SecurityContextHolder.clearContext();
    }
}
