package com.fieldservice.portal.ops;

import com.fieldservice.portal.web.RequestScope;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Which database the read-only heavy pages read (the grid, the CSV exports, the dashboard, the
 * API's reads): the replica of PORTAL_DB_READ_URL, except for a person who has just changed
 * something. A state-changing request that succeeds sets a short-lived cookie; while it lasts,
 * that person's reads go to the primary, so they see their own change even if the replica
 * replays it a moment later (read-your-writes). The cookie only ever sends someone to the
 * primary: forging it gains nothing. Without a replica everything reads the primary anyway.
 */
public final class ReadRouting {

    static final String COOKIE = "portal_primary_until";
    /** Longer than a streaming replica normally lags. */
    static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);
    private static final ThreadLocal<Boolean> PRIMARY = new ThreadLocal<>();

    private final Clock clock;
    private final boolean secureCookies;

    public ReadRouting(Clock clock, boolean secureCookies) {
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /** Before every request: whether its reads must see the primary. */
    public void begin(Context ctx) {
        boolean recentWrite = Optional.ofNullable(ctx.cookie(COOKIE)).flatMap(ReadRouting::millis)
                .filter(until -> until > clock.millis()).isPresent();
        PRIMARY.set(recentWrite);
    }

    /** After every request: a signed-in person's successful change sends their next reads to the primary. */
    public void afterWrite(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.statusCode() < 400
                && RequestScope.knownPrincipal(ctx).isPresent() && !ctx.res().isCommitted()) {
            Cookie cookie = new Cookie(COOKIE, String.valueOf(clock.millis() + READ_YOUR_WRITES.toMillis()));
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(secureCookies);
            cookie.setSameSite(SameSite.LAX);
            cookie.setMaxAge((int) READ_YOUR_WRITES.toSeconds() + 1);
            ctx.cookie(cookie);
        }
    }

    public static void finish() {
        PRIMARY.remove();
    }

    private static Optional<Long> millis(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A data source that hands out the replica's connections, or the primary's for this request if it must. */
    public static DataSource routing(DataSource primary, DataSource replica) {
        return new DataSource() {
            private DataSource current() {
                return Boolean.TRUE.equals(PRIMARY.get()) ? primary : replica;
            }

            @Override
            public Connection getConnection() throws SQLException {
                return current().getConnection();
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return current().getConnection(username, password);
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return replica.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                replica.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                replica.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return replica.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
