package com.openfulfil.dropship.ops.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;

/** Puts the logged-in operator's name on every page. */
@ControllerAdvice(assignableTypes = {ConsolePages.class, OrderPage.class})
class CurrentUser {
    @ModelAttribute("user")
    String user(Principal principal) {
        return principal == null ? "" : principal.getName();
    }
}
