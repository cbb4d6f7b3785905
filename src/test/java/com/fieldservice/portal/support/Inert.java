package com.fieldservice.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks that a page shows stored payloads as text: nothing they carry can run. */
public final class Inert {

    /** Script and attribute-breaking payloads, stored in every free-text field by the XSS tests. */
    public static final String SCRIPT = "<script>alert('xss')</script>";
    public static final String ATTRIBUTE = "\"><img src=x onerror=alert('xss')>";
    public static final String SINGLE_QUOTE = "'><svg onload=alert('xss')>";
    public static final String ALL = SCRIPT + ATTRIBUTE + SINGLE_QUOTE;

    private Inert() {
    }

    public static Document assertInert(String page, String where) {
        Document html = Jsoup.parse(page);
        for (Element script : html.select("script")) {
            assertThat(script.attr("src")).as(where + ": only the portal's own scripts").matches("/(webjars|static)/.+");
            assertThat(script.data()).as(where + ": no inline script").isBlank();
        }
        for (Element element : html.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).as(where + ": event handler on <" + element.tagName() + ">").doesNotStartWith("on");
                assertThat(attribute.getValue().strip().toLowerCase()).as(where + ": script URL").doesNotStartWith("javascript:");
            });
        }
        assertThat(html.select("img[src=x], svg[onload]")).as(where + ": injected elements").isEmpty();
        return html;
    }
}
