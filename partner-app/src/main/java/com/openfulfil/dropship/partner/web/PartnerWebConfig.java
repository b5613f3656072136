package com.openfulfil.dropship.partner.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Partner pages answer failures with pages of their own, ahead of the JSON problem details. */
@Configuration
class PartnerWebConfig implements WebMvcConfigurer {
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new PartnerErrorPages());
    }
}
