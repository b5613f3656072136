package com.openfulfil.dropship.order.web;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** An API key resolved to its caller; roles are STOREFRONT, PARTNER and ADMIN. */
final class CallerAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.kind().name())));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
