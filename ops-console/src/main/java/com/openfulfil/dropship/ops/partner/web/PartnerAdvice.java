package com.openfulfil.dropship.ops.partner.web;

import com.openfulfil.dropship.ops.partner.config.PartnerAccount;
import com.openfulfil.dropship.ops.partner.config.PartnerSessions;
import com.openfulfil.dropship.ops.partner.connector.ServiceProblem;
import com.openfulfil.dropship.ops.partner.connector.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * On every partner page: who is signed in and the page's own address (for the language switch).
 * When a service refuses or cannot be reached, the partner gets a page that says so in words:
 * "not found" for an order that is not theirs, the sign-in page when their key stopped working.
 */
@ControllerAdvice(basePackageClasses = PartnerAdvice.class)
class PartnerAdvice {
    private static final Logger log = LoggerFactory.getLogger(PartnerAdvice.class);

    @ModelAttribute("partner")
    PartnerAccount partner(@AuthenticationPrincipal PartnerAccount partner) {
        return partner;
    }

    /** The page's address to switch language on: a form's POST address goes back to the page it came from. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.endsWith("/deliver") ? uri.substring(0, uri.length() - "/deliver".length()) : uri;
    }

    @ExceptionHandler(ServiceProblem.class)
    ModelAndView refused(ServiceProblem problem, HttpServletRequest request) {
        if (problem.status() == 401 || problem.status() == 403) {
            // the key was revoked (or replaced) since sign-in: sign the partner out and say why
            PartnerSessions.signOut(request);
            return new ModelAndView("redirect:/partner/login?error=" + (problem.status() == 403 ? "revoked" : "expired"));
        }
        if (problem.status() == 404) {
            return page("partner/not-found", 404, request);
        }
        log.warn("A service refused a partner page: {} {}", problem.status(), problem.problem());
        ModelAndView page = page("partner/unavailable", 502, request);
        page.addObject("problem", problem.problem().title());
        return page;
    }

    @ExceptionHandler(ServiceUnavailable.class)
    ModelAndView unavailable(ServiceUnavailable e, HttpServletRequest request) {
        log.warn("A partner page could not be served: {}", e.getMessage());
        return page("partner/unavailable", 503, request);
    }

    /** A page that does not exist, or an address with a page number that is not a number. */
    @ExceptionHandler({NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView noSuchPage(HttpServletRequest request) {
        return page("partner/not-found", 404, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request) {
        log.error("A partner page failed: {}", request.getRequestURI(), e);
        return page("partner/unavailable", 500, request);
    }

    /** An error page, with what every partner page has (model attributes are not added to these). */
    private ModelAndView page(String view, int status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(HttpStatusCode.valueOf(status));
        page.addObject("partner", PartnerSessions.current().orElse(null));
        page.addObject("here", here(request));
        return page;
    }
}
