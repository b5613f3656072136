package com.openfulfil.dropship.ops.web;

import com.openfulfil.dropship.ops.deadletters.DeadLetterActions;
import com.openfulfil.dropship.ops.deadletters.DeadLetterInbox;
import com.openfulfil.dropship.ops.domain.Deadlines;
import com.openfulfil.dropship.ops.domain.OrderTrack;
import com.openfulfil.dropship.ops.orders.OrderAction;
import com.openfulfil.dropship.ops.orders.OrderActions;
import com.openfulfil.dropship.ops.orders.OrderReader;
import com.openfulfil.dropship.ops.domain.SupplierTally;
import com.openfulfil.dropship.console.connector.GatewayClient;
import com.openfulfil.dropship.ops.channels.ChannelsClient;
import com.openfulfil.dropship.console.web.Scorecard;
import com.openfulfil.dropship.ops.stream.ConsoleQueries;
import com.openfulfil.dropship.support.streams.StoreUnavailableException;
import com.openfulfil.dropship.support.web.ApiProblem;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The console's pages, rendered on the server; the pipeline page then refreshes itself from the API. */
@Controller
class ConsolePages {
    private final ConsoleQueries queries;
    private final DeadLetterInbox inbox;
    private final DeadLetterActions actions;
    private final Deadlines deadlines;
    private final OrderActions orderActions;
    private final GatewayClient gateway;
    private final ChannelsClient channels;
    private final Clock clock;

    ConsolePages(ConsoleQueries queries, DeadLetterInbox inbox, DeadLetterActions actions, Deadlines deadlines,
                 OrderActions orderActions, GatewayClient gateway, ChannelsClient channels, Clock clock) {
        this.queries = queries;
        this.inbox = inbox;
        this.actions = actions;
        this.deadlines = deadlines;
        this.orderActions = orderActions;
        this.gateway = gateway;
        this.channels = channels;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/pipeline";
    }

    @GetMapping("/pipeline")
    String pipeline(Model model) {
        model.addAttribute("page", "pipeline");
        return "pipeline";
    }

    /** Every pending dead letter, or with {@code order} only that order's (the stuck-orders page links here). */
    @GetMapping("/dead-letters")
    String deadLetters(@RequestParam(required = false) String order, Model model) {
        model.addAttribute("page", "dead-letters");
        model.addAttribute("order", order);
        model.addAttribute("letters", inbox.pending().stream().map(DeadLetterView::of)
                .filter(l -> order == null || order.isBlank() || order.equals(l.key())).toList());
        model.addAttribute("audit", inbox.audit());
        return "dead-letters";
    }

    @PostMapping("/dead-letters/{action:replay|discard}")
    String act(@PathVariable String action, @Valid @ModelAttribute DeadLetterRequest request, BindingResult invalid,
               Principal who, RedirectAttributes flash) {
        if (invalid.hasErrors()) {
            flash.addFlashAttribute("problem", "That is not a dead letter: " + invalid.getFieldErrors().stream()
                    .map(e -> e.getField() + " " + e.getDefaultMessage()).toList());
            return "redirect:/dead-letters";
        }
        try {
            if (action.equals("replay")) {
                actions.replay(request.id(), who.getName());
                flash.addFlashAttribute("done", "Replayed " + request.id());
            } else {
                actions.discard(request.id(), who.getName());
                flash.addFlashAttribute("done", "Discarded " + request.id());
            }
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/dead-letters";
    }

    @GetMapping("/stock")
    String stock(Model model) {
        model.addAttribute("page", "stock");
        return withStore(model, "levels", queries::stock, "stock");
    }

    @GetMapping("/stuck-orders")
    String stuck(Model model) {
        model.addAttribute("page", "stuck-orders");
        model.addAttribute("now", clock.instant());
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("actionsEnabled", orderActions.enabled());
        String view = withStore(model, "orders", queries::stuck, "stuck-orders");
        // each order offers what order-service allows on it now, not what its status here suggests
        model.addAttribute("offers", orderActions.offers(stuckOrders(model)));
        return view;
    }

    @SuppressWarnings("unchecked")
    private static List<OrderTrack> stuckOrders(Model model) {
        return (List<OrderTrack>) model.getAttribute("orders");
    }

    /**
     * Cancel, complete, receive the return of, refund or reship an order through order-service, or
     * reroute it through supplier-gateway; the page it was asked from (the stuck orders, or with
     * {@code back=order} the order's own page) then says what the service answered.
     */
    @PostMapping("/stuck-orders/{action:cancel|complete|return-received|refund|reship|reroute}")
    String actOnOrder(@PathVariable String action, @RequestParam String orderId,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String amount,
                      @RequestParam(required = false) String back, Principal who, RedirectAttributes flash) {
        OrderActions.Outcome outcome = orderActions.act(OrderAction.ofPath(action).orElseThrow(), orderId,
                reason, amount, who.getName());
        flash.addFlashAttribute(outcome.done() ? "done" : "problem", outcome.message());
        if (OrderPage.PAGE.equals(back) && OrderReader.isOrderId(orderId)) {
            return "redirect:" + OrderPage.address(orderId);
        }
        return "redirect:/stuck-orders";
    }

    /** What each supplier did, and its scorecard against the R3.6 targets as supplier-gateway keeps it. */
    @GetMapping("/suppliers")
    String suppliers(Model model) {
        model.addAttribute("page", "suppliers");
        String view = withStore(model, "tallies", queries::suppliers, "suppliers");
        Map<String, Scorecard> scorecards = new LinkedHashMap<>();
        try {
            for (Object tally : (List<?>) model.getAttribute("tallies")) {
                String supplierId = ((SupplierTally) tally).supplierId();
                gateway.scorecard(supplierId).map(Scorecard::of).ifPresent(card -> scorecards.put(supplierId, card));
            }
        } catch (GatewayClient.Unavailable | GatewayClient.Refused e) {
            model.addAttribute("scorecardProblem", "Scorecards unavailable: " + e.getMessage());
        }
        model.addAttribute("scorecards", scorecards);
        return view;
    }

    /**
     * Each store channel-gateway connects: its last sync, orders in and updates out in the last hour, whether
     * it is unavailable and why, and the calls it refused with their reasons, each with a retry.
     */
    @GetMapping("/channels")
    String channels(Model model) {
        model.addAttribute("page", "channels");
        model.addAttribute("now", clock.instant());
        try {
            model.addAttribute("stores", channels.stores());
        } catch (ChannelsClient.Unavailable | ChannelsClient.Refused e) {
            model.addAttribute("stores", List.of());
            model.addAttribute("channelsProblem", "channel-gateway cannot be read: " + e.getMessage());
        }
        return "channels";
    }

    /** Sends a refused call to its store again, through channel-gateway; the page then says what it answered. */
    @PostMapping("/channels/retry")
    String retryChannelCall(@RequestParam String storeId, @RequestParam String failureId, Principal who,
                            RedirectAttributes flash) {
        try {
            channels.retry(storeId, failureId);
            flash.addFlashAttribute("done", "Sent again to " + storeId + " (" + who.getName() + ")");
        } catch (ChannelsClient.Unavailable | ChannelsClient.Refused e) {
            flash.addFlashAttribute("problem", "Not sent again: " + e.getMessage());
        }
        return "redirect:/channels";
    }

    /** While the console's stores restore after a start, the page says so instead of failing. */
    private static String withStore(Model model, String name, Supplier<List<?>> read, String view) {
        try {
            model.addAttribute(name, read.get());
        } catch (StoreUnavailableException e) {
            model.addAttribute(name, List.of());
            model.addAttribute("restoring", true);
        }
        return view;
    }
}
