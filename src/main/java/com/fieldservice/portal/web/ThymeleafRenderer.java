package com.fieldservice.portal.web;

import com.fieldservice.portal.time.DateDisplay;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the templates under templates/ (on the classpath) with Thymeleaf. Built on
 * Thymeleaf's servlet web context so that {@code @{/...}} links resolve. Texts come from the
 * message bundles under messages/ on the classpath, one per feature, in the request's
 * {@link Language}; dates and the model's other {@link PerLanguage} helpers are written in it too.
 */
public final class ThymeleafRenderer implements FileRenderer {

    private final TemplateEngine engine = new TemplateEngine();
    private final DateDisplay dates;
    private volatile JakartaServletWebApplication application;

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
    }

    @Override
    public String render(String template, Map<String, ?> model, Context ctx) {
        return engine.process(template, context(model, ctx));
    }

    /**
     * Renders as {@code ctx.render} does, the page encoded to UTF-8 as it is written rather than
     * built as a string first (Utf8Bytes): for the largest pages. With another renderer, or a
     * response in another charset, it is {@code ctx.render}.
     *
     * @param expected about the size of the page in bytes, so that its buffer seldom grows
     */
    public static void renderBytes(Context ctx, String template, Map<String, ?> model, int expected) {
        if (ctx.appData(FileRenderer.FileRendererKey) instanceof ThymeleafRenderer renderer
                && StandardCharsets.UTF_8.equals(ctx.responseCharset())) {
            Utf8Bytes page = new Utf8Bytes(expected);
            renderer.engine.process(template, renderer.context(model, ctx), page);
            ctx.contentType(ContentType.TEXT_HTML).result(page.stream());
        } else {
            ctx.render(template, model);
        }
    }

    private WebContext context(Map<String, ?> model, Context ctx) {
        JakartaServletWebApplication web = application;
        if (web == null) {
            web = JakartaServletWebApplication.buildApplication(ctx.req().getServletContext());
            application = web;
        }
        Language language = Language.of(ctx);
        WebContext context = new WebContext(web.buildExchange(ctx.req(), ctx.res()), language.locale());
        model.forEach((name, value) -> context.setVariable(name,
                value instanceof PerLanguage<?> helper ? helper.in(language) : value));
        context.setVariable("currentUser", RequestScope.principal(ctx).orElse(null));
        context.setVariable("csrfToken", RequestScope.csrfToken(ctx));
        context.setVariable("local", dates.in(language));
        context.setVariable("num", NumberDisplay.in(language));
        context.setVariable("language", language);
        context.setVariable("languages", Language.values());
        context.setVariable("languageLinks", Language.links(ctx));
        return context;
    }
}
