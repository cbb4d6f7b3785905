package com.fieldservice.portal.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestAccounts;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;

/** The two sides of a conversation on a portal with demo data: Alice of Acme signed in, and a planner. */
record ConversationParties(TestPortal portal, WebSession alice, WebSession planner) {

    static ConversationParties start(String plannerEmail) {
        TestPortal portal = TestPortal.start();
        DemoData.fillIfEmpty(portal.jdbi(), 100);
        WebSession alice = portal.visitor();
        assertThat(alice.signIn("alice@acme.demo.test", DemoData.DEMO_PASSWORD).statusCode()).isEqualTo(303);
        TestAccounts.staff(portal.jdbi(), plannerEmail, "planner");
        return new ConversationParties(portal, alice, portal.signedIn(plannerEmail));
    }
}
