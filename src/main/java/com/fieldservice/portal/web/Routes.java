package com.fieldservice.portal.web;

import com.fieldservice.portal.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Registers the portal's routes and keeps the table of them, with the roles each declares, so
 * that tests can walk every route and prove who is refused.
 */
public final class Routes {

    public record Route(HandlerType method, String path, Set<Role> roles) {
    }

    private final RoutesConfig config;
    private final List<Route> table = new ArrayList<>();

    public Routes(RoutesConfig config) {
        this.config = config;
    }

    /** Also answers HEAD, with the same roles: a HEAD is a GET without the body. */
    public Routes get(String path, Handler handler, Role... roles) {
        config.get(path, handler, roles);
        config.head(path, handler, roles);
        return record(HandlerType.GET, path, roles);
    }

    public Routes post(String path, Handler handler, Role... roles) {
        config.post(path, handler, roles);
        return record(HandlerType.POST, path, roles);
    }

    private Routes record(HandlerType method, String path, Role... roles) {
        if (roles.length == 0) {
            throw new IllegalArgumentException(method + " " + path + " declares no role: say who may use it");
        }
        table.add(new Route(method, path, Set.of(roles)));
        return this;
    }

    public List<Route> table() {
        return Collections.unmodifiableList(table);
    }
}
