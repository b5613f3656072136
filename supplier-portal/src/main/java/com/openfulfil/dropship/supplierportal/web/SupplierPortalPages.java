package com.openfulfil.dropship.supplierportal.web;

import com.openfulfil.dropship.events.model.RejectionReason;
import com.openfulfil.dropship.supplierportal.config.SupplierPortalProperties;
import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.console.web.Scorecard;
import com.openfulfil.dropship.supplierportal.domain.PackingList;
import com.openfulfil.dropship.supplierportal.domain.ParcelForm;
import com.openfulfil.dropship.supplierportal.domain.PortalDispatch;
import com.openfulfil.dropship.supplierportal.domain.Tab;
import com.openfulfil.dropship.supplierportal.domain.TrackingUpload;
import com.openfulfil.dropship.supplierportal.stream.PortalQueries;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The supplier portal's pages: a supplier's dispatches, one dispatch with its answers, CSV in and out, the scorecard. */
@Controller
@RequestMapping("/supplier")
class SupplierPortalPages {
    static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
    private static final int MAX_DETAIL = 500;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private final PortalUsers users;
    private final PortalQueries queries;
    private final PortalActions actions;
    private final TrackingImport imports;
    private final GatewayClient gateway;
    private final SupplierPortalProperties properties;
    private final Clock clock;

    SupplierPortalPages(PortalUsers users, PortalQueries queries, PortalActions actions, TrackingImport imports,
                        GatewayClient gateway, SupplierPortalProperties properties, Clock clock) {
        this.users = users;
        this.queries = queries;
        this.actions = actions;
        this.imports = imports;
        this.gateway = gateway;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "supplier/login";
    }

    @GetMapping({"", "/"})
    String home() {
        return "redirect:/supplier/dispatches";
    }

    @GetMapping("/dispatches")
    String dispatches(@RequestParam(name = "list", defaultValue = "new") String list, Principal principal, Model model) {
        SignedIn who = signedIn(principal, model, "dispatches");
        Tab tab = Tab.fromParam(list).orElse(Tab.NEW);
        Map<Tab, List<DispatchView>> byTab = new EnumMap<>(Tab.class);
        for (Tab t : Tab.values()) {
            byTab.put(t, new ArrayList<>());
        }
        try {
            Instant now = clock.instant();
            queries.dispatches(who.supplierId()).forEach(d -> {
                DispatchView view = DispatchView.of(d, who.terms(), now);
                byTab.get(view.tab()).add(view);
            });
        } catch (StoreUnavailableException e) {
            model.addAttribute("restoring", true);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        byTab.forEach((t, views) -> counts.put(t.param(), views.size()));
        model.addAttribute("tab", tab.param());
        model.addAttribute("counts", counts);
        model.addAttribute("rows", byTab.get(tab));
        return "supplier/dispatches";
    }

    @GetMapping("/dispatches/{dispatchId}")
    String dispatch(@PathVariable String dispatchId, Principal principal, Model model, HttpServletResponse response) {
        SignedIn who = signedIn(principal, model, "dispatches");
        return show(who, dispatchId, model, response);
    }

    @PostMapping("/dispatches/{dispatchId}/accept")
    String accept(@PathVariable String dispatchId, Principal principal, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        SignedIn who = signedIn(principal, model, "dispatches");
        return act(who, dispatchId, model, response, flash, Map.of(), d -> actions.accept(who, d));
    }

    @PostMapping("/dispatches/{dispatchId}/reject")
    String reject(@PathVariable String dispatchId, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String detail, Principal principal, Model model,
                  HttpServletResponse response, RedirectAttributes flash) {
        SignedIn who = signedIn(principal, model, "dispatches");
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<RejectionReason> why = reasonOf(reason);
        if (why.isEmpty()) {
            errors.put("reason", "Choose why you cannot ship it.");
        } else if (why.get() == RejectionReason.OTHER && detail.isBlank()) {
            errors.put("detail", "Say what the reason is.");
        }
        if (detail.length() > MAX_DETAIL) {
            errors.put("detail", "At most " + MAX_DETAIL + " characters.");
        }
        model.addAttribute("rejectReason", reason);
        model.addAttribute("rejectDetail", detail);
        return act(who, dispatchId, model, response, flash, errors,
                d -> actions.reject(who, d, why.orElseThrow(), detail));
    }

    @PostMapping("/dispatches/{dispatchId}/ship")
    String ship(@PathVariable String dispatchId, @RequestParam(defaultValue = "") String carrier,
                @RequestParam(name = "trackingNumbers", required = false) List<String> trackingNumbers,
                @RequestParam Map<String, String> fields,
                Principal principal, Model model, HttpServletResponse response, RedirectAttributes flash) {
        SignedIn who = signedIn(principal, model, "dispatches");
        List<String> typed = trackingNumbers == null ? List.of() : trackingNumbers;
        Map<String, String> errors = new LinkedHashMap<>();
        String code = carrier.trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            errors.put("carrier", "Choose the carrier.");
        } else if (!properties.carrierCodes().contains(code)) {
            errors.put("carrier", "\"" + carrier + "\" is not a carrier we know.");
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String number = typed.get(i).trim().toUpperCase(Locale.ROOT);
            if (number.isEmpty()) {
                continue;
            }
            String problem = TrackingUpload.checkTrackingNumber(number);
            if (problem != null) {
                errors.put("trackingNumbers[" + i + "]", problem);
            } else if (numbers.contains(number)) {
                errors.put("trackingNumbers[" + i + "]", number + " is given twice.");
            } else {
                numbers.add(number);
            }
        }
        if (numbers.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("trackingNumbers"))) {
            errors.put("trackingNumbers[0]", "Give at least one tracking number.");
        }
        // each parcel row's units of each line: all left empty, the parcel holds what is left to ship
        Optional<PortalDispatch> shipping = queries.dispatch(who.supplierId(), dispatchId);
        ParcelForm.Parsed parcels = shipping.map(d -> ParcelForm.read(d, typed, fields))
                .orElse(new ParcelForm.Parsed(List.of(), Map.of()));
        parcels.errors().forEach(errors::putIfAbsent);
        model.addAttribute("shipCarrier", code);
        model.addAttribute("shipNumbers", typed.isEmpty() ? List.of("") : typed);
        model.addAttribute("shipUnits", fields);
        return act(who, dispatchId, model, response, flash, errors, d -> actions.ship(who, d, code, parcels.parcels()));
    }

    @PostMapping("/dispatches/{dispatchId}/cancellation")
    String cancellation(@PathVariable String dispatchId, @RequestParam(defaultValue = "") String answer,
                        @RequestParam(defaultValue = "") String reason, Principal principal, Model model,
                        HttpServletResponse response, RedirectAttributes flash) {
        SignedIn who = signedIn(principal, model, "dispatches");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!answer.equals("accept") && !answer.equals("refuse")) {
            errors.put("answer", "Accept or refuse the cancellation.");
        } else if (answer.equals("refuse") && reason.isBlank()) {
            errors.put("cancellationReason", "Say why it cannot be cancelled (for example: already with the carrier).");
        }
        if (reason.length() > MAX_DETAIL) {
            errors.put("cancellationReason", "At most " + MAX_DETAIL + " characters.");
        }
        model.addAttribute("cancellationReason", reason);
        return act(who, dispatchId, model, response, flash, errors,
                d -> actions.answerCancellation(who, d, answer.equals("accept"), reason.strip()));
    }

    /** The open dispatches (new, accepted, overdue) as a packing list, oldest first. */
    @GetMapping("/packing-list.csv")
    ResponseEntity<byte[]> packingList(Principal principal) {
        SignedIn who = users.of(principal);
        Instant now = clock.instant();
        List<PortalDispatch> open = queries.dispatches(who.supplierId()).stream()
                .filter(d -> d.stage().isOpen()).toList();
        String file = "packing-list-" + who.supplierId() + "-" + FILE_TIME.format(now) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(PackingList.csv(open, who.terms()));
    }

    @PostMapping("/tracking-upload")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal principal, Model model,
                  HttpServletResponse response) throws IOException {
        SignedIn who = signedIn(principal, model, "dispatches");
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "Choose a CSV file to upload.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "supplier/upload-report";
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            model.addAttribute("uploadError", "The file is larger than 2 MB; split it.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "supplier/upload-report";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("report", imports.apply(who, file.getBytes()));
        return "supplier/upload-report";
    }

    @GetMapping("/scorecard")
    String scorecard(Principal principal, Model model) {
        SignedIn who = signedIn(principal, model, "scorecard");
        try {
            gateway.scorecard(who.supplierId()).map(Scorecard::of)
                    .ifPresentOrElse(card -> model.addAttribute("scorecard", card),
                            () -> model.addAttribute("notYet", true));
        } catch (GatewayClient.Unavailable e) {
            model.addAttribute("unavailable", e.getMessage());
        }
        return "supplier/scorecard";
    }

    private SignedIn signedIn(Principal principal, Model model, String page) {
        SignedIn who = users.of(principal);
        model.addAttribute("who", who);
        model.addAttribute("page", page);
        return who;
    }

    private String show(SignedIn who, String dispatchId, Model model, HttpServletResponse response) {
        Optional<PortalDispatch> found = queries.dispatch(who.supplierId(), dispatchId);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("dispatchId", dispatchId);
            return "supplier/not-found";
        }
        model.addAttribute("view", DispatchView.of(found.get(), who.terms(), clock.instant()));
        model.addAttribute("carriers", properties.carrierCodes());
        model.addAttribute("reasons", RejectionReason.values());
        if (!model.containsAttribute("shipNumbers")) {
            model.addAttribute("shipNumbers", List.of(""));
        }
        if (!model.containsAttribute("shipUnits")) {
            model.addAttribute("shipUnits", Map.of());
        }
        return "supplier/dispatch";
    }

    /** Validates, answers, and goes back to the dispatch; a refusal or a bad field shows on the same page. */
    private String act(SignedIn who, String dispatchId, Model model, HttpServletResponse response,
                       RedirectAttributes flash, Map<String, String> errors,
                       java.util.function.Function<PortalDispatch, String> answer) {
        Optional<PortalDispatch> found = queries.dispatch(who.supplierId(), dispatchId);
        if (found.isEmpty() || !errors.isEmpty()) {
            model.addAttribute("errors", errors);
            if (found.isPresent()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            return show(who, dispatchId, model, response);
        }
        try {
            flash.addFlashAttribute("done", answer.apply(found.get()));
            return "redirect:/supplier/dispatches/" + dispatchId;
        } catch (PortalActions.NotNow | GatewayClient.Refused e) {
            model.addAttribute("problem", e.getMessage());
        } catch (GatewayClient.Unavailable e) {
            model.addAttribute("problem", "The retailer's system did not answer, so nothing was sent. Try again in a "
                    + "moment: sending twice is safe.");
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("errors", Map.of());
        return show(who, dispatchId, model, response);
    }

    private static Optional<RejectionReason> reasonOf(String reason) {
        try {
            return reason.isBlank() ? Optional.empty() : Optional.of(RejectionReason.valueOf(reason));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
