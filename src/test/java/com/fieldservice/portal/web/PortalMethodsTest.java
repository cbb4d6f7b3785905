package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class PortalMethodsTest {

    public record Line(String name, Integer quantity) {
        public String label(String prefix) {
            return prefix + name;
        }

        public String amount(int times) {
            return String.valueOf(quantity * times);
        }

        public String pick(String a) {
            return "one:" + a;
        }

        public String pick(Integer a) {
            return "number:" + a;
        }
    }

    private static final TemplateEngine ENGINE = new TemplateEngine();

    @BeforeAll
    static void install() {
        ENGINE.setTemplateResolver(new StringTemplateResolver());
        PortalMethods.install();
    }

    private static String render(String expression, Object line) {
        return ENGINE.process("<p th:text=\"" + expression + "\"></p>", new Context(null, Map.of("line", line)));
    }

    @Test
    void templatesReadThePortalsOwnObjects() {
        Line line = new Line("Boiler <b>", 3);
        assertThat(render("${line.name()}", line)).isEqualTo("<p>Boiler &lt;b&gt;</p>");
        assertThat(render("${line.quantity() + 1}", line)).isEqualTo("<p>4</p>");
        assertThat(render("${line.label('#')}", line)).isEqualTo("<p>#Boiler &lt;b&gt;</p>");
        assertThat(render("${line.amount(2)}", line)).isEqualTo("<p>6</p>");
    }

    @Test
    void overloadsNullsAndConversionsAreLeftToOgnl() {
        Line line = new Line("Boiler", null);
        assertThat(render("${line.pick(7)}", line)).isEqualTo("<p>number:7</p>");
        assertThat(render("${line.pick('ab')}", line)).isEqualTo("<p>one:ab</p>");
        assertThat(render("${line.quantity()}", line)).isEqualTo("<p></p>");
        assertThat(render("${line.amount('22')}", new Line("Boiler", 5))).isEqualTo("<p>110</p>");
    }

    @Test
    void whatThymeleafForbidsStaysForbidden() {
        Line line = new Line("Boiler", 1);
        assertThatThrownBy(() -> render("${line.getClass().getClassLoader()}", line))
                .isInstanceOf(TemplateProcessingException.class);
        assertThatThrownBy(() -> render("${line.name().getClass().forName('java.lang.Runtime')}", line))
                .isInstanceOf(TemplateProcessingException.class);
        assertThatThrownBy(() -> render("${line.missing()}", line)).isInstanceOf(TemplateProcessingException.class);
    }
}
