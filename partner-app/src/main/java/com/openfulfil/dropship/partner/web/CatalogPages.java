package com.openfulfil.dropship.partner.web;

import com.openfulfil.dropship.partner.config.PartnerAccount;
import com.openfulfil.dropship.partner.connector.Catalog;
import com.openfulfil.dropship.partner.connector.Orders;
import com.openfulfil.dropship.partner.connector.PartnerServices;
import com.openfulfil.dropship.partner.connector.ServiceProblem;
import com.openfulfil.dropship.partner.domain.GrossProfit;
import com.openfulfil.dropship.partner.domain.MoneyFormat;
import com.openfulfil.dropship.partner.domain.PriceInput;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Browsing the catalog, a product, and "Deliver on behalf" (Giao hộ, R2.4): the partner names a
 * quantity and their selling price, and order-service decides; its refusal of a price below the
 * product's sends the partner back to the product with order-service's own words.
 */
@Controller
class CatalogPages {
    private final PartnerServices services;
    private final MessageSource messages;

    CatalogPages(PartnerServices services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping({"/partner", "/partner/"})
    String home() {
        return "redirect:/partner/catalog";
    }

    @GetMapping("/partner/catalog")
    String catalog(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                   Model model) {
        String query = q.strip();
        Catalog.Page found = services.search(query, Math.max(page, 0));
        model.addAttribute("q", query);
        model.addAttribute("found", found);
        model.addAttribute("pages", (found.total() + PartnerServices.CATALOG_PAGE - 1) / PartnerServices.CATALOG_PAGE);
        return "partner/catalog";
    }

    @GetMapping("/partner/products/{sku}")
    String product(@PathVariable String sku, Model model, Locale locale) {
        Catalog.Product product = services.product(sku);
        if (!model.containsAttribute("form")) {
            char decimalPoint = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
            model.addAttribute("form", DeliveryForm.fresh(product.retailPrice() == null ? ""
                    : MoneyFormat.plain(product.retailPrice(), product.currency()).replace('.', decimalPoint),
                    locale.getLanguage()));
        }
        return productPage(product, model, Map.of(), false, locale);
    }

    @PostMapping("/partner/products/{sku}/deliver")
    String deliver(@PathVariable String sku, @ModelAttribute("form") DeliveryForm form,
                   @AuthenticationPrincipal PartnerAccount partner, Model model, Locale locale,
                   RedirectAttributes flash) {
        Catalog.Product product = services.product(sku);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Integer> quantity = quantity(form.quantity());
        if (quantity.isEmpty()) {
            errors.put("quantity", text("partner.deliver.error.quantity", locale));
        }
        char decimalPoint = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        Optional<BigDecimal> price = PriceInput.parse(form.salePrice(), decimalPoint);
        if (price.isEmpty()) {
            errors.put("salePrice", text("partner.deliver.error.price", locale));
        }
        if (!errors.isEmpty() || !product.canOrder()) {
            return productPage(product, model, errors, product.canOrder(), locale);
        }
        try {
            Orders.Placed placed = services.place(partner.apiKey(), form.requestId(),
                    form.orderBody(product.sku(), product.currency(), quantity.get(), price.get().toPlainString()));
            flash.addFlashAttribute("placed", true);
            return "redirect:/partner/orders/" + placed.orderId();
        } catch (ServiceProblem problem) {
            if (problem.status() == 401 || problem.status() == 403) {
                throw problem;
            }
            if (problem.kind().equals("price-below-retail")) {
                // R2.4: refused, nothing created, and the partner is back on the product
                flash.addFlashAttribute("refused", refusal(problem, locale));
                flash.addFlashAttribute("refusedDetail", problem.problem().detail());
                flash.addFlashAttribute("form", form);
                return "redirect:/partner/products/" + product.sku();
            }
            model.addAttribute("problem", problem.problem().title());
            return productPage(product, model, FieldErrors.onForm(problem.problem().errors(), errors), true, locale);
        }
    }

    /** The product, and the dialog as the partner left it, with the profit at the price they typed. */
    private String productPage(Catalog.Product product, Model model, Map<String, String> errors, boolean open,
                               Locale locale) {
        char decimalPoint = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        DeliveryForm form = (DeliveryForm) model.getAttribute("form");
        BigDecimal profit = null;
        if (form != null && product.canOrder()) {
            profit = PriceInput.parse(form.salePrice(), decimalPoint).flatMap(price -> quantity(form.quantity())
                    .map(n -> GrossProfit.of(price, product.retailPrice(), n))).orElse(null);
        }
        model.addAttribute("profit", profit);
        model.addAttribute("decimalPoint", String.valueOf(decimalPoint));
        model.addAttribute("product", product);
        model.addAttribute("errors", errors);
        model.addAttribute("unplaced", FieldErrors.elsewhere(errors));
        model.addAttribute("openDialog", open);
        return "partner/product";
    }

    /** order-service's title; in a language other than English, our translation of that same refusal. */
    private String refusal(ServiceProblem problem, Locale locale) {
        return messages.getMessage("partner.problem." + problem.kind(), null, problem.problem().title(), locale);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private static Optional<Integer> quantity(String typed) {
        try {
            int n = Integer.parseInt(typed == null ? "" : typed.strip());
            return n >= 1 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
