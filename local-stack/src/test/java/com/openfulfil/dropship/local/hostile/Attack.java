package com.openfulfil.dropship.local.hostile;

import com.openfulfil.dropship.local.hostile.Http.Answer;
import org.junit.jupiter.api.function.Executable;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One hostile request (or a few that make one attack), and the checks that it was refused and
 * changed nothing; a failed check means it got in.
 */
record Attack(Category category, String name, Executable attempt) {

    /** The rows of the suite's table. */
    enum Category {
        PARTNERS("partner A on partner B's orders, commission and payout details"),
        STOREFRONTS("storefront A on storefront B's orders"),
        SUPPLIERS("supplier A on supplier B's dispatch (HTTP and portal)"),
        SESSIONS("one app's sign-in on another app's pages"),
        MASS_ASSIGNMENT("mass assignment (status, commission, price, orderId, ids in bodies)"),
        BODIES("oversized and deeply nested JSON"),
        CONTENT_TYPES("wrong content types"),
        SCRIPT("script in names and notes (console, partner app, supplier portal, tracking page)"),
        CSRF("cross-site form posts (CSRF) on the console's and portals' forms"),
        WEBHOOKS("replayed and tampered webhooks and supplier updates");

        final String label;

        Category(String label) {
            this.label = label;
        }
    }

    static Attack of(Category category, String name, Executable attempt) {
        return new Attack(category, name, attempt);
    }

    /** Refused with one of these statuses. */
    static void refused(Answer answer, int... statuses) {
        assertThat(answer.status()).as("%s", answer).isIn(Arrays.stream(statuses).boxed().toList());
    }

    /** A page refused by sending the browser to a sign-in page. */
    static void refused(Answer answer, String signIn) {
        assertThat(answer.redirectPath()).as("%s", answer).isEqualTo(signIn);
    }
}
