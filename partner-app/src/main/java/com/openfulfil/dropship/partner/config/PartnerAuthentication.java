package com.openfulfil.dropship.partner.config;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import java.io.Serial;

/**
 * A partner's sign-in: before it is checked, only the key they typed; after, the partner it
 * belongs to, with the PARTNER role and nothing else (no OPS role, so no ops page opens).
 */
final class PartnerAuthentication extends AbstractAuthenticationToken {
    static final String ROLE = "PARTNER";
    @Serial
    private static final long serialVersionUID = 1L;

    private final String typedKey;
    private final PartnerAccount account;

    private PartnerAuthentication(String typedKey, PartnerAccount account) {
        super(account == null ? AuthorityUtils.NO_AUTHORITIES : AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
        this.typedKey = typedKey;
        this.account = account;
        setAuthenticated(account != null);
    }

    static PartnerAuthentication typed(String key) {
        return new PartnerAuthentication(key, null);
    }

    static PartnerAuthentication of(PartnerAccount account) {
        return new PartnerAuthentication(null, account);
    }

    String typedKey() {
        return typedKey;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return account;
    }

    @Override
    public String getName() {
        return account == null ? "" : account.partnerId();
    }
}
