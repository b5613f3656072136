package com.openfulfil.dropship.console.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain behind an app's own when the partner app or the supplier portal runs as a process of its
 * own: the platform's health probes and metrics are open, as in the console's process; every other
 * address outside the app's is refused (403). The console's process does not import it: there the
 * console's chain is the one behind the apps'.
 */
@Configuration(proxyBeanMethods = false)
public class StandaloneSecurity {
    @Bean
    SecurityFilterChain platformEndpoints(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .headers(PageHeaders.forPages())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    /** Nobody signs in outside the app's own chain; without this Spring would make up a user and log its password. */
    @Bean
    UserDetailsService nobody() {
        return new InMemoryUserDetailsManager();
    }
}
