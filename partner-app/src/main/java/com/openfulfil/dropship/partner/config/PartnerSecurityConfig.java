package com.openfulfil.dropship.partner.config;

import com.openfulfil.dropship.console.security.PageHeaders;
import com.openfulfil.dropship.partner.connector.PartnerServices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The partner app's own sign-in, apart from the ops login: a partner signs in with their partner
 * key, which is checked by commission-service and kept in the server-side session. The partner's
 * sign-in is stored under its own session key, so a partner session is nobody on the ops pages,
 * and an ops login is nobody here.
 */
@Configuration
class PartnerSecurityConfig {
    @Bean
    @Order(1)
    SecurityFilterChain partnerApp(HttpSecurity http, PartnerServices services) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(PartnerSessions.CONTEXT_KEY);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName(PartnerSessions.SAVED_REQUEST_KEY);
        AuthenticationManager partners = new ProviderManager(new PartnerKeyAuthenticationProvider(services));

        http.securityMatcher("/partner/**")
                .authenticationManager(partners)
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requests))
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers(PartnerLoginFilter.LOGIN, "/partner/*.css", "/partner/*.js").permitAll()
                        .anyRequest().hasRole(PartnerAuthentication.ROLE))
                .headers(PageHeaders.forPages())
                .addFilterBefore(new PartnerLocaleFilter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAt(new PartnerLoginFilter(partners, contexts, requests), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(PartnerLoginFilter.LOGIN)))
                // signing out of the partner app leaves an ops login in the same browser alone
                .logout(logout -> logout.logoutUrl("/partner/logout").invalidateHttpSession(false)
                        .addLogoutHandler((request, response, auth) -> PartnerSessions.signOut(request))
                        .logoutSuccessUrl(PartnerLoginFilter.LOGIN + "?signedOut"));
        return http.build();
    }
}
