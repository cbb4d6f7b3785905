package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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

        public String pick(String text) {
            return "text:" + text;
        }

        public String pick(Integer number) {
            return "number:" + number;
        }

        public String pick(Line line) {
            return "line:" + line.name();
        }

        public String pick(CharSequence text) {
            return "chars:" + text;
        }

        public boolean open() {
            return quantity != null && quantity > 2;
        }

        public Boolean nothingYet() {
            return null;
        }
    }

    public enum Kind { OPEN, CLOSED }

    public enum Shade { OPEN, DARK }

    /** Properties read through getters ({@code query.size}), as the grid's query is. */
    public static final class Query {
        public final String shown = "field";

        public int getSize() {
            return 25;
        }

        public boolean isAscending() {
            return true;
        }

        public String getRef() {
            return null;
        }

        public Boolean isWrapped() {
            return Boolean.TRUE;
        }

        public boolean isBoth() {
            return true;
        }

        public boolean getBoth() {
            return false;
        }

        public String getTwice() {
            return "getter";
        }

        public String twice() {
            return "accessor";
        }

        public String getShown() {
            return "getter";
        }
    }

    /** One array for both engines: its text is its identity. */
    private static final int[] INTS = {1, 2};
    private static final TemplateEngine OGNL = new TemplateEngine();
    private static final TemplateEngine PORTAL = new TemplateEngine();

    private static final Logger THYMELEAF = (Logger) LoggerFactory.getLogger("org.thymeleaf");
    private static Level thymeleafLevel;

    @BeforeAll
    static void engines() {
        // the expressions that fail, on purpose, would each log their stack trace
        thymeleafLevel = THYMELEAF.getLevel();
        THYMELEAF.setLevel(Level.OFF);
        PortalMethods.install();
        OGNL.setTemplateResolver(new StringTemplateResolver());
        PORTAL.setTemplateResolver(new StringTemplateResolver());
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new PortalExpressions());
        PORTAL.setDialect(dialect);
    }

    @AfterAll
    static void logsAgain() {
        THYMELEAF.setLevel(thymeleafLevel);
    }

    private static String render(TemplateEngine engine, String attribute, String expression) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("line", new Line("Boiler <b>", 7, new Line("Parent", null, null)));
        variables.put("orphan", new Line("Orphan", 1, null));
        variables.put("nothing", null);
        variables.put("words", List.of("a", "b"));
        variables.put("yes", true);
        variables.put("no", false);
        variables.put("zero", 0);
        variables.put("seven", 7);
        variables.put("sevenLong", 7L);
        variables.put("sevenText", "7");
        variables.put("sevenDecimal", new BigDecimal("7.0"));
        variables.put("letter", 'c');
        variables.put("empty", "");
        variables.put("kind", Kind.OPEN);
        variables.put("kindClosed", Kind.CLOSED);
        variables.put("shade", Shade.OPEN);
        variables.put("query", new Query());
        variables.put("noWords", List.of());
        variables.put("wordSet", new java.util.TreeSet<>(List.of("b", "a")));
        variables.put("errors", Map.of("files", "Too large", "size", "Too many"));
        variables.put("ints", INTS);
        variables.put("wordsByNumber", Map.of(7, "seven"));
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
                "${line.label('x', 2)}", "${line.label('ab',line.quantity())}", "${line.label('ab'}",
                "${query.size}", "${query.ascending}", "${query.ref}", "${query.wrapped}", "${query.both}",
                "${query.twice}", "${query.shown}", "${query.missing}", "${query.Size}", "${query.size.length()}",
                "${query.class}", "${line.parent.name()}", "${line.name().empty}", "${words.empty}", "${errors.files}",
                "${errors.size}", "${words.isEmpty()}", "${noWords.isEmpty()}", "${words.size()}", "${noWords.size()}",
                "${wordSet.isEmpty()}", "${wordSet.size()}", "${errors.isEmpty()}", "${errors.size()}",
                "${ints.isEmpty()}", "${words.isEmpty(1)}", "${words.contains('a')}", "${kind.isEmpty()}");
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
    void operatorsGiveWhatOgnlGives() {
        List<String> values = List.of("line.name()", "line.quantity()", "orphan.parent()", "nothing", "yes", "no", "zero",
                "seven", "sevenLong", "sevenText", "sevenDecimal", "letter", "empty", "kind", "line", "ints", "'ab'", "'7'",
                "7", "0", "null", "true", "false", "line.nothingYet()", "errors['files']", "unknown", "kindClosed", "shade",
                "query.size", "query.ascending", "words.isEmpty()");
        List<String> expressions = new ArrayList<>();
        for (String left : values) {
            for (String right : values) {
                for (String operator : List.of("+", "==", "!=", "<", "<=", ">", ">=", "and", "or", "&&", "||")) {
                    expressions.add("${" + left + " " + operator + " " + right + "}");
                }
                expressions.add("${" + left + " ? " + right + " : 'other'}");
            }
            expressions.add("${!" + left + "}");
            expressions.add("${not " + left + "}");
            expressions.add("${errors[" + left + "]}");
        }
        expressions.addAll(List.of("${'a' + line.name() + 'b' + line.quantity()}", "${line.quantity() + 1 + 'x'}",
                "${'x' + line.quantity() + 1}", "${1 + 2}", "${seven + seven}", "${'/jobs/' + line.count() + '/files/'}",
                "${line.name() == 'Boiler <b>' and line.quantity() > 2}", "${no or yes and no}", "${(no or yes) and no}",
                "${yes ? 'a' : no ? 'b' : 'c'}", "${no ? 'a' : no ? 'b' : 'c'}", "${!yes == no}", "${!(yes == no)}",
                "${line.quantity()>2}", "${line.quantity()>=7}", "${seven<=7}", "${seven < 10 == yes}",
                "${line.open() and line.parent().open()}", "${orphan.open() or line.open()}",
                "${errors['files'] != null}", "${errors['size']}", "${errors['missing'] == null}", "${errors[kind]}",
                "${errors['files'].length()}", "${words[0]}", "${wordsByNumber[7]}", "${ints[1]}", "${nothing['files']}",
                "${line.pick('ab')}", "${line.pick(7)}", "${line.pick(line)}", "${line.pick(nothing)}", "${line.pick(sevenLong)}",
                "${line.pick(line.quantity())}", "${line.pick(orphan.parent())}", "${line.pick(kind)}",
                "${line.label('a' + 'b', seven + 1)}", "${line.label(yes ? 'a' : 'b', null)}",
                "${seven ?: 'x'}", "${nothing ?: 'x'}", "${-seven}", "${seven - 1}", "${seven * 2}", "${2.5 > 1}", "${010 == 8}",
                "${7L == sevenLong}", "${seven eq 7}", "${seven neq 7}", "${seven === 7}", "${seven+++1}", "${seven | 1}",
                "${seven & 1}", "${yes || no}", "${yes && no}", "${ yes and no }", "${yes and(no)}", "${yes and}", "${and}",
                "${not}", "${!}", "${()}", "${(yes}", "${yes)}", "${'a' + }", "${+ 'a'}", "${seven instanceof Integer}",
                "${seven in {7}}", "${kind.name() == 'OPEN'}", "${line.name().length() > 3}", "${line.count() == 3}",
                "${line.quantity() == line.count()}", "${1234567890 > 1}", "${123456789 > 1}", "${0 == zero}",
                "${line.missing() == null}", "${param.x == null}", "${#strings.isEmpty('a') or yes}", "${'it''s' + 'a'}",
                "${'a' + 'b'}", "${'a' + 'b' == 'ab'}", "${'ab' + 1 + 2}", "${1 + 2 + 'ab'}"));
        for (String expression : expressions) {
            for (String attribute : List.of("th:text", "th:if")) {
                assertThat(render(PORTAL, attribute, expression)).as(attribute + " " + expression)
                        .isEqualTo(render(OGNL, attribute, expression));
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
