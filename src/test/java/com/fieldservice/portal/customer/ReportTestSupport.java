package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fieldservice.portal.demo.DemoData;
import com.fieldservice.portal.support.TestPortal;
import com.fieldservice.portal.support.WebSession;

/** Signing in the demo's customers. */
final class ReportTestSupport {

    private ReportTestSupport() {
    }

    static WebSession signIn(TestPortal portal, String username) {
        WebSession session = portal.visitor();
        assertThat(session.signIn(username, DemoData.DEMO_PASSWORD).statusCode()).isEqualTo(303);
        return session;
    }
}
