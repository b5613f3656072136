package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.config.PartnerSessions;
import com.openfulfil.dropship.partner.connector.ServiceProblem;
import com.openfulfil.dropship.partner.connector.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * When a service refuses a partner page or cannot be reached, the partner gets a page that says
 * so in words: "not found" for an order that is not theirs (the services answer 404, as if it did
 * not exist), the sign-in page when their key stopped working, "try again" when a service is down.
 * It runs before the services' JSON problem details, which are for API callers, and only for the
 * partner app's pages.
 */
final class PartnerErrorPages implements HandlerExceptionResolver {
    private static final Logger log = LoggerFactory.getLogger(PartnerErrorPages.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(PartnerErrorPages.class.getPackageName())) {
            return null;
        }
        if (e instanceof ServiceProblem problem) {
            return refused(problem, request);
        }
        if (e instanceof ServiceUnavailable) {
            log.warn("A partner page could not be served: {}", e.getMessage());
            return page("partner/unavailable", 503, request);
        }
        if (e instanceof MethodArgumentTypeMismatchException) {
            return page("partner/not-found", 404, request);
        }
        log.error("A partner page failed: {}", request.getRequestURI(), e);
        return page("partner/unavailable", 500, request);
    }

    private static ModelAndView refused(ServiceProblem problem, HttpServletRequest request) {
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

    /** An error page, with what every partner page has (model attributes are not added to these). */
    private static ModelAndView page(String view, int status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(HttpStatusCode.valueOf(status));
        page.addObject("partner", PartnerSessions.current().orElse(null));
        page.addObject("here", PartnerAdvice.pageAddress(request));
        return page;
    }
}
