package com.openfulfil.dropship.partner.config;

import com.openfulfil.dropship.partner.connector.Commissions;
import com.openfulfil.dropship.partner.connector.PartnerServices;
import com.openfulfil.dropship.partner.connector.ServiceProblem;
import com.openfulfil.dropship.partner.connector.ServiceUnavailable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;

/**
 * Checks a partner key the way every service does: by asking commission-service who it belongs
 * to. Unknown keys are refused; so is a partner whose role an admin revoked.
 */
final class PartnerKeyAuthenticationProvider implements AuthenticationProvider {
    /** Real keys are {@code pk_<partnerId>_<secret>}; anything far longer is not worth sending on. */
    private static final int MAX_KEY_LENGTH = 200;

    private final PartnerServices services;

    PartnerKeyAuthenticationProvider(PartnerServices services) {
        this.services = services;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = ((PartnerAuthentication) authentication).typedKey();
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new BadCredentialsException("not a partner key");
        }
        try {
            Commissions.Mine me = services.whoIs(key);
            return PartnerAuthentication.of(new PartnerAccount(me.partnerId(), me.partnerName(), key));
        } catch (ServiceProblem problem) {
            if (problem.status() == 403) {
                throw new DisabledException("the partner role was revoked");
            }
            if (problem.status() == 401 || problem.status() == 400) {
                throw new BadCredentialsException("not a partner key");
            }
            throw new AuthenticationServiceException(problem.getMessage(), problem);
        } catch (ServiceUnavailable e) {
            throw new AuthenticationServiceException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PartnerAuthentication.class.isAssignableFrom(authentication);
    }
}
