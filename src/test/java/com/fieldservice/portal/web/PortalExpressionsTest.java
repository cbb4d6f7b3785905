package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The plain expressions the portal evaluates itself give what Thymeleaf's OGNL gives, failures included. */
class PortalExpressionsTest {

    public record Line(String name, Integer quantity, Line parent) {
        public String label(String prefix, Integer times) {
            return prefix + name + (times == null ? "" : "x" + times);
        }

        public int count() {
            return 3;
        }
    }

    private static final TemplateEngine OGNL = new TemplateEngine();
    private static final TemplateEngine PORTAL = new TemplateEngine();

    @BeforeAll
    static void engines() {
        PortalMethods.install();
        OGNL.setTemplateResolver(new StringTemplateResolver());
        PORTAL.setTemplateResolver(new StringTemplateResolver());
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new PortalExpressions());
        PORTAL.setDialect(dialect);
    }

    private static String render(TemplateEngine engine, String attribute, String expression) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("line", new Line("Boiler <b>", 7, new Line("Parent", null, null)));
        variables.put("orphan", new Line("Orphan", 1, null));
        variables.put("nothing", null);
        variables.put("words", List.of("a", "b"));
        try {
            return engine.process("<p " + attribute + "=\"" + expression + "\">x</p>", new Context(null, variables));
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    @Test
    void everyExpressionGivesWhatOgnlGives() {
        List<String> expressions = List.of("${line.name()}", "${line.parent().name()}", "${line.quantity()}",
                "${line.count()}", "${line.label(line.name(), line.quantity())}", "${line.label(line.name(),line.count())}",
                "${line.parent().label(line.name(), line.parent().quantity())}", "${line}", "${nothing}", "${unknown}",
                "${orphan.parent()}", "${orphan.parent().name()}", "${nothing.name()}", "${line.missing()}",
                "${line.name().length()}", "${words.size()}", "${line.getClass()}", "${line.getClass().getClassLoader()}",
                "${line.name() + '!'}", "${line.label('#', 2)}", "${#strings.isEmpty(line.name())}", "${param.x}",
                "${line.name}", "${line.quantity() > 2}", "${ line.name() }", "${line.label(line.name())}",
                "${line.label('ab', line.quantity())}", "${line.label('#', line.quantity())}", "${line.label('', null)}",
                "${line.label('new Line', line.count())}", "${line.label('it''s', null)}", "${line.label('a\\'b', null)}",
                "${line.label('param', null)}", "${null}", "${true}", "${false}", "${nothing == null}",
                "${line.label('x', 2)}", "${line.label('ab',line.quantity())}", "${line.label('ab'}");
        for (String expression : expressions) {
            for (String attribute : List.of("th:text", "th:attr=\"data-x=", "th:if")) {
                String ognl = attribute.endsWith("=") ? render(OGNL, "th:attr", "data-x=" + expression)
                        : render(OGNL, attribute, expression);
                String portal = attribute.endsWith("=") ? render(PORTAL, "th:attr", "data-x=" + expression)
                        : render(PORTAL, attribute, expression);
                assertThat(portal).as(attribute + " " + expression).isEqualTo(ognl);
            }
        }
    }

    @Test
    void restrictedExpressionsGiveWhatOgnlGives() {
        // a link's parameters and a fragment's arguments are evaluated under Thymeleaf's restrictions
        List<String> attributes = List.of("th:href=\"@{https://h/jobs/{n}(n=${line.name()},q=${line.label('ab', null)})}",
                "th:href=\"@{https://h/jobs(q=${line.label('new Line', null)})}", "th:href=\"@{https://h/jobs(q=${param.x})}",
                "th:href=\"@{https://h/jobs(q=${line.label(T(java.lang.Runtime), null)})}", "th:attr=\"data-x=${line.label('ab', null)}");
        for (String attribute : attributes) {
            String name = attribute.substring(0, attribute.indexOf('='));
            String expression = attribute.substring(attribute.indexOf('"') + 1);
            assertThat(render(PORTAL, name, expression)).as(attribute).isEqualTo(render(OGNL, name, expression));
        }
        assertThat(render(PORTAL, "th:href", "@{https://h/jobs/{n}(n=${line.label('ab', null)})}")).isEqualTo("<p href=\"https://h/jobs/abBoiler%20%3Cb%3E\">x</p>");
    }

    @Test
    void theBlockedCallsStayBlocked() {
        assertThat(render(PORTAL, "th:text", "${line.getClass().getClassLoader()}")).startsWith("failed");
        assertThat(render(PORTAL, "th:text", "${line.name().getClass().forName('java.lang.Runtime')}")).startsWith("failed");
        assertThat(render(PORTAL, "th:text", "${line.name()}")).isEqualTo("<p>Boiler &lt;b&gt;</p>");
    }
}
