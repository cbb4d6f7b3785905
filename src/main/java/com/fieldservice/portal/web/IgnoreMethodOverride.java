package com.fieldservice.portal.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Javalin takes the method from an {@code X-HTTP-Method-Override} header when one is sent, so a
 * POST could pass as a GET (and skip the CSRF check) or the reverse. A request's method is the
 * one on its request line: the header is removed before Javalin sees it.
 */
public final class IgnoreMethodOverride extends Handler.Wrapper {

    static final String HEADER = "X-HTTP-Method-Override";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HEADER)) {
            return super.handle(request, response, callback);
        }
        HttpFields withoutOverride = HttpFields.build(request.getHeaders()).remove(HEADER).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return withoutOverride;
            }
        }, response, callback);
    }
}
