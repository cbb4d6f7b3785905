package com.fieldservice.portal.db;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * jdbi's template engine ({@code <name>} replaced by what the statement defines), except that a
 * statement that names nothing is its own rendering. jdbi's engine builds each statement's text
 * anew at every execution, even with nothing to replace, and jdbi then looks the new text up in its
 * parsed-statement cache: hashing and comparing the whole text, 18 KB for the API's work order, on
 * every request. The statement's own string keeps its hash and compares by identity. A comparison
 * ({@code a < b}, {@code <>}, {@code <=}) names nothing; a backslash (jdbi's escape) goes to jdbi.
 */
public final class SqlTemplates implements TemplateEngine.Parsing {

    private static final Pattern NAME_OR_ESCAPE = Pattern.compile("<[A-Za-z_]|\\\\");

    private final DefinedAttributeTemplateEngine defined = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        if (!NAME_OR_ESCAPE.matcher(template).find()) {
            return Optional.of(context -> template);
        }
        return defined.parse(template, config);
    }
}
