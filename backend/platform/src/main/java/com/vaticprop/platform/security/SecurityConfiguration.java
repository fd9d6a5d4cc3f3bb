package com.vaticprop.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stateless bearer-token security for every service: the operational endpoints and each service's declared public
 * paths are open, everything else needs a valid access token; CORS allows exactly CORS_ALLOWED_ORIGINS.
 */
@AutoConfiguration
@ConditionalOnProperty("vatic.service")
public class SecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(Environment environment) {
        return JwtVerification.accessTokenDecoder(environment.getRequiredProperty("vatic.security.jwks-url"));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(Environment environment) {
        String origins = environment.getProperty("vatic.cors.allowed-origins", "");
        CorsConfiguration cors = new CorsConfiguration();
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        cors.setAllowedOrigins(allowed);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "X-Request-Id"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain vaticSecurityFilterChain(HttpSecurity http, ObjectProvider<PublicPaths> publicPaths,
                                                 ApplicationContext context, JwtDecoder decoder) throws Exception {
        List<String> open = new ArrayList<>(PublicPaths.OPERATIONS);
        publicPaths.orderedStream().forEach(p -> open.addAll(p.patterns()));
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(
                List.copyOf(context.getBeansOfType(HandlerMapping.class).values()));
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> {
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(
                                JwtVerification.authenticationConverter())));
        return http.build();
    }
}
