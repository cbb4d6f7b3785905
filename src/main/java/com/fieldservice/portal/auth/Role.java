package com.fieldservice.portal.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Who may use a route. Every route declares its roles where it is registered; a route that
 * declares none is refused to everybody (deny by default). {@link #ANYONE} marks the few public
 * routes explicitly.
 */
public enum Role implements RouteRole {
    /** Public: the home page, sign-in, health, static files. */
    ANYONE,
    /** Back-office administrator: everything a planner does, plus accounts and the audit log. */
    ADMIN,
    /** Back-office planner, call centre, service manager. */
    PLANNER,
    /** A contact of a customer company, acting for that company. */
    CUSTOMER,
    /** An integration, signing every request with HTTP Basic. */
    API;

    public static final Role[] BACK_OFFICE = {ADMIN, PLANNER};

    /** The value stored in account.role. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isBackOffice() {
        return this == ADMIN || this == PLANNER;
    }

    /** Where this role lands after signing in. */
    public String home() {
        return switch (this) {
            case ADMIN, PLANNER -> "/backoffice";
            case CUSTOMER -> "/portal";
            case ANYONE, API -> "/";
        };
    }
}
