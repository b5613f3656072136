package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.config.PartnerSessions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Set;

/** The partner app's sign-in page; the key it posts is checked by the partner security chain. */
@Controller
class SignInPage {
    private static final Set<String> REASONS = Set.of("invalid", "revoked", "unavailable", "expired");

    @GetMapping("/partner/login")
    String signIn(@RequestParam(required = false) String error, Model model) {
        if (PartnerSessions.current().isPresent()) {
            return "redirect:/partner/catalog";
        }
        if (error != null) {
            model.addAttribute("error", REASONS.contains(error) ? error : "invalid");
        }
        return "partner/login";
    }
}
