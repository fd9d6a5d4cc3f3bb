package com.vaticprop.core.tier;

import com.vaticprop.platform.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The tier catalogue is public to read. The platform opens these patterns for every method, so the write endpoints
 * under them check the ADMIN role themselves ({@link TierController#requireAdmin}) — and, before the body is even
 * read, an interceptor refuses every non-GET request under {@code /tiers} without an ADMIN token (401 or 403).
 */
@Configuration(proxyBeanMethods = false)
class TierConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler) {
                String method = request.getMethod();
                if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)
                        && !HttpMethod.OPTIONS.matches(method)) {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    TierController.requireAdmin(auth instanceof JwtAuthenticationToken jwt ? jwt.getToken() : null);
                }
                return true;
            }
        }).addPathPatterns("/tiers", "/tiers/**");
    }

    @Bean
    PublicPaths tierPublicPaths() {
        return new PublicPaths(List.of("/tiers", "/tiers/*", "/tiers/*/versions/*"));
    }
}
