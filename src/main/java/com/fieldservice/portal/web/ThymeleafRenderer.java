package com.fieldservice.portal.web;

import com.fieldservice.portal.auth.Principal;
import com.fieldservice.portal.ops.RequestLog;
import com.fieldservice.portal.time.DateDisplay;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the templates under templates/ (on the classpath) with Thymeleaf. Texts come from the
 * message bundles under messages/ on the classpath, one per feature, in the request's
 * {@link Language}; dates and the model's other {@link PerLanguage} helpers are written in it too.
 * The context is a plain one, not Thymeleaf's servlet context: that one keeps every variable as a
 * request attribute, a tenth of a page's time. What templates took from it is given here: the
 * query's parameters as {@code param} (still refused where Thymeleaf restricts it), the request's
 * id (error pages show it), and {@code @{/...}} links from the root, where the portal is served.
 */
public final class ThymeleafRenderer implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final DateDisplay dates;
    /** Each template's last page size in characters, for the next one's buffer. */
    private final Map<String, Integer> pageSizes = new ConcurrentHashMap<>();

    /** @param dates every template writes a moment with it, as {@code ${local.dayTime(...)}}: in the business zone */
    public ThymeleafRenderer(DateDisplay dates) {
        this.dates = dates;
        PortalMethods.install();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        StandardDialect dialect = new StandardDialect();
        dialect.setVariableExpressionEvaluator(new PortalExpressions());
        engine.setDialect(dialect);
        engine.setMessageResolver(new TextsMessageResolver());
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        return engine.process(template, context(model, ctx));
    }

    /**
     * Renders as {@code ctx.render} does, the page gathered in one buffer and encoded to UTF-8 once
     * (Utf8Bytes): for the pages people open most. With another renderer, or a response in another
     * charset, it is {@code ctx.render}.
     */
    public static void renderBytes(Context ctx, String template, Map<String, ?> model) {
        if (ctx.appData(FileRenderer.FileRendererKey) instanceof ThymeleafRenderer renderer
                && StandardCharsets.UTF_8.equals(ctx.responseCharset())) {
            Utf8Bytes page = new Utf8Bytes(renderer.pageSizes.getOrDefault(template, 0));
            renderer.engine.process(template, renderer.context(model, ctx), page);
            renderer.pageSizes.put(template, page.size() + page.size() / 8);
            ctx.contentType(ContentType.TEXT_HTML).result(page.stream());
        } else {
            ctx.render(template, model);
        }
    }

    /**
     * What a page's template reads beside its model, taken from the request: its language, its
     * query's parameters, its id, who is signed in, their form token, the language switcher's links.
     */
    public record Request(Language language, Map<String, List<String>> param, String requestId, Principal currentUser,
                          String csrfToken, List<Language.Link> languageLinks) {
    }

    /** Renders a page as a request with these values gets it, without one: for bench/RenderGrid.java. */
    public void render(String template, Map<String, ?> model, Request request, Writer out) {
        engine.process(template, context(model, request), out);
    }

    private IContext context(Map<String, ?> model, Context ctx) {
        return context(model, new Request(Language.of(ctx), new QueryParameters(ctx), ctx.attribute(RequestLog.ATTRIBUTE),
                RequestScope.principal(ctx).orElse(null), RequestScope.csrfToken(ctx), Language.links(ctx)));
    }

    private IContext context(Map<String, ?> model, Request request) {
        Language language = request.language();
        Map<String, Object> variables = new HashMap<>(2 * (model.size() + 8));
        model.forEach((name, value) -> variables.put(name,
                value instanceof PerLanguage<?> helper ? helper.in(language) : value));
        variables.put("param", request.param());
        variables.put("requestId", request.requestId());
        variables.put("currentUser", request.currentUser());
        variables.put("csrfToken", request.csrfToken());
        variables.put("local", dates.in(language));
        variables.put("num", NumberDisplay.in(language));
        variables.put("language", language);
        variables.put("languages", Language.values());
        variables.put("languageLinks", request.languageLinks());
        return new org.thymeleaf.context.Context(language.locale(), variables);
    }

    /** The query's parameters, each name to its values (absent: null), read when a template asks. */
    private static final class QueryParameters extends AbstractMap<String, List<String>> {
        private final Context ctx;

        QueryParameters(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public List<String> get(Object name) {
            List<String> values = name instanceof String text ? ctx.queryParams(text) : List.of();
            return values.isEmpty() ? null : values;
        }

        @Override
        public boolean containsKey(Object name) {
            return get(name) != null;
        }

        @Override
        public Set<Entry<String, List<String>>> entrySet() {
            return ctx.queryParamMap().entrySet();
        }
    }
}
