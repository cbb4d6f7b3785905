package com.fieldservice.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The shipped logback.xml: PORTAL_LOG_FORMAT=json writes one JSON object per line, otherwise plain text. */
class LogFormatTest {

    @Test
    void jsonWritesOneObjectPerLineWithTheRequestId() throws Exception {
        List<String> lines = logWith("json");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("message").asText()).isEqualTo("first line");
        assertThat(first.path("requestId").asText()).isEqualTo("req-1");
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(new ObjectMapper().readTree(lines.get(1)).path("message").asText()).isEqualTo("second\nline");
    }

    @Test
    void textWritesPlainLinesWithTheRequestId() throws Exception {
        List<String> lines = logWith("text");
        assertThat(lines.get(0)).contains("INFO").contains("[req-1]").endsWith("first line").doesNotStartWith("{");
    }

    private static List<String> logWith(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            // the portal's own MDC, where RequestLog puts the request id
            context.setMDCAdapter(((LoggerContext) LoggerFactory.getILoggerFactory()).getMDCAdapter());
            context.putProperty("PORTAL_LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            MDC.put(RequestLog.MDC_KEY, "req-1");
            context.getLogger("test").info("first line");
            context.getLogger("test").info("second\nline");
        } finally {
            MDC.clear();
            context.stop();
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
