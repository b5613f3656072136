package com.openfulfil.dropship.supplierportal.config;

import com.openfulfil.dropship.console.security.PageHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The supplier portal's own sign-in, apart from the ops login: its own users (each for one
 * supplier), its own authentication manager, and its own place in the session, so a supplier's
 * session is never an ops session and an ops session is never a supplier's. It guards
 * {@code /supplier/**} only and comes before the console's chain when both run in one process.
 */
@Configuration
class SupplierPortalSecurity {
    static final String ROLE = "SUPPLIER";
    /** The session attribute of a supplier's sign-in; the ops login keeps Spring's default one. */
    static final String SESSION_KEY = "SUPPLIER_PORTAL_SECURITY_CONTEXT";
    private static final Logger log = LoggerFactory.getLogger(SupplierPortalSecurity.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain supplierPortalChain(HttpSecurity http, SupplierPortalProperties properties) throws Exception {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setSpringSecurityContextKey(SESSION_KEY);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(properties));
        // the portal's own encoder: alone it has no other, and next to the console it need not share the ops one
        provider.setPasswordEncoder(new BCryptPasswordEncoder());
        http.securityMatcher("/supplier/**")
                .authenticationManager(new ProviderManager(provider))
                .securityContext(context -> context.securityContextRepository(sessions))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/supplier/login", "/supplier/portal.css").permitAll()
                        .anyRequest().hasRole(ROLE))
                .formLogin(form -> form.loginPage("/supplier/login").loginProcessingUrl("/supplier/login")
                        .failureUrl("/supplier/login?error").defaultSuccessUrl("/supplier/dispatches", true))
                // signing out of the portal leaves an ops login in the same browser alone
                .logout(logout -> logout.logoutUrl("/supplier/logout").logoutSuccessUrl("/supplier/login?signed-out")
                        .invalidateHttpSession(false))
                .headers(PageHeaders.forPages())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    /** Looked up inside the chain only: in one process with the console, the global user service stays the ops users'. */
    private static org.springframework.security.core.userdetails.UserDetailsService users(
            SupplierPortalProperties properties) {
        Map<String, SupplierPortalProperties.User> byName = properties.users().stream()
                .filter(u -> u.name() != null && u.passwordBcrypt() != null && properties.serves(u.supplierId()))
                .collect(Collectors.toMap(SupplierPortalProperties.User::name, Function.identity(), (a, b) -> a));
        if (byName.size() < properties.users().size()) {
            log.warn("Some supplier portal users are incomplete or name a supplier the portal does not serve; "
                    + "they cannot sign in");
        }
        return name -> {
            SupplierPortalProperties.User user = byName.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("No supplier portal user " + name);
            }
            UserDetails details = User.withUsername(user.name()).password(user.passwordBcrypt()).roles(ROLE).build();
            return details;
        };
    }
}
