package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.config.PartnerAccount;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** On every partner page: who is signed in, and the page's own address (for the language switch). */
@ControllerAdvice(basePackageClasses = PartnerAdvice.class)
class PartnerAdvice {
    @ModelAttribute("partner")
    PartnerAccount partner(@AuthenticationPrincipal PartnerAccount partner) {
        return partner;
    }

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return pageAddress(request);
    }

    /** A form's POST address stands for the page it came from. */
    static String pageAddress(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.endsWith("/deliver") ? uri.substring(0, uri.length() - "/deliver".length()) : uri;
    }
}
