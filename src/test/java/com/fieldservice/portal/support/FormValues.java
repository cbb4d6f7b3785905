package com.fieldservice.portal.support;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** What a browser would post back from a page's form unchanged (its CSRF token left out). */
public final class FormValues {

    private FormValues() {
    }

    public static Map<String, String> of(String page) {
        return of(Jsoup.parse(page));
    }

    public static Map<String, String> of(Document form) {
        Map<String, String> values = new HashMap<>();
        form.select("form[method=post] input[name], form[method=post] textarea[name]").forEach(field -> {
            if (!field.attr("type").equals("radio") || field.hasAttr("checked")) {
                values.put(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText() : field.val());
            }
        });
        form.select("form[method=post] select[name]").forEach(select ->
                values.put(select.attr("name"), select.select("option[selected]").val()));
        values.remove("_csrf");
        return values;
    }
}
