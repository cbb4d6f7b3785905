package com.fieldservice.portal.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;

/**
 * Refuses, before any handler sees it, a request carrying text the portal could not keep: a NUL
 * (PostgreSQL refuses it), half of a surrogate pair (would be stored as '?'), or the replacement
 * character that invalid UTF-8 decodes to. Every query parameter, path parameter, header, form
 * field and uploaded file's name is looked at, so that no handler needs to think about it.
 * Also turns a body the server could not parse (a malformed multipart) into a 4xx answer
 * instead of an incident.
 */
public final class InputGuard {

    private InputGuard() {
    }

    /** True when PostgreSQL can store the text as it is and it came as valid UTF-8. */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || c == '\uFFFD' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    public static void refuseUnstorableText(Context ctx) {
        if (!storable(ctx.path()) || !allStorable(ctx.pathParamMap().values())
                || !allStorable(ctx.headerMap().keySet()) || !allStorable(ctx.headerMap().values())
                || !allStorableParameters(ctx.queryParamMap())
                || (carriesForm(ctx) && (!allStorableParameters(ctx.formParamMap()) || !storableFileNames(ctx)))) {
            ErrorPages.badRequest(ctx);
            ctx.skipRemainingHandlers();
        }
    }

    /** True when the exception is the server failing to read the request itself, now answered with its 4xx status. */
    public static boolean answerIfUnreadable(Exception e, Context ctx) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            // Jetty's own refusals (a broken multipart, a bad header in a part); Javalin answers its own HttpResponseExceptions
            if (t instanceof HttpException jetty && jetty.getCode() >= 400 && jetty.getCode() < 500) {
                ErrorPages.badRequest(ctx);
                ctx.status(jetty.getCode());
                return true;
            }
        }
        return false;
    }

    private static boolean carriesForm(Context ctx) {
        return ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
                && (ctx.isFormUrlencoded() || ctx.isMultipartFormData());
    }

    private static boolean storableFileNames(Context ctx) {
        return !ctx.isMultipartFormData()
                || ctx.uploadedFiles().stream().map(UploadedFile::filename).allMatch(InputGuard::storable);
    }

    private static boolean allStorableParameters(Map<String, List<String>> parameters) {
        return allStorable(parameters.keySet()) && parameters.values().stream().allMatch(InputGuard::allStorable);
    }

    private static boolean allStorable(Collection<String> texts) {
        return texts.stream().allMatch(InputGuard::storable);
    }
}
