package com.fieldservice.portal.web;

import com.fieldservice.portal.auth.Principal;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The languages the portal speaks, and which one a request is answered in, decided here and
 * nowhere else: the signed-in person's own (kept on their account), else the visitor's choice (a
 * {@code ?lang=} link, kept in a cookie), else the browser's {@code Accept-Language}, else
 * {@code PORTAL_DEFAULT_LANGUAGE}. URLs never change with the language.
 */
public enum Language {
    EN(Locale.ENGLISH),
    FR(Locale.forLanguageTag("fr-BE")),
    NL(Locale.forLanguageTag("nl-BE"));

    /** The visitor's choice before signing in, set by a {@code ?lang=} link. */
    public static final String COOKIE = "portal_lang";
    public static final String PARAMETER = "lang";
    private static final String CHOSEN = "portal.language";
    private static final String FALLBACK = "portal.defaultLanguage";

    /** Looked up for every text of a page: no copy of values() each time. */
    private static final Language[] VALUES = values();
    private final Locale locale;
    private final String code;
    private final Optional<Language> found;

    Language(Locale locale) {
        this.locale = locale;
        this.code = name().toLowerCase(Locale.ROOT);
        this.found = Optional.of(this);
    }

    /** "en", "fr", "nl": in URLs, cookies, forms, the database and {@code <html lang>}. */
    public String code() {
        return code;
    }

    /** The locale pages, dates and numbers are written in (Belgian conventions for fr and nl). */
    public Locale locale() {
        return locale;
    }

    /** A language by its code ("fr", any case); empty for anything else. */
    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : VALUES) {
            if (language.code().equals(code)) {
                return language.found;
            }
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(VALUES).filter(l -> l.code().equals(wanted)).findFirst();
    }

    /** The language of a locale (its language part), or the fallback for one the portal doesn't speak. */
    public static Language of(Locale locale, Language fallback) {
        return locale == null ? fallback : of(locale.getLanguage()).orElse(fallback);
    }

    /**
     * Runs before every request: remembers the portal's default for this request and, when a
     * {@code ?lang=} link was followed, keeps the choice in a cookie.
     */
    public static void beforeEach(Context ctx, Language fallback, Cookies cookies) {
        ctx.attribute(FALLBACK, fallback);
        of(ctx.queryParam(PARAMETER)).ifPresent(chosen -> {
            cookies.set(ctx, COOKIE, chosen.code());
            ctx.attribute(CHOSEN, chosen);
        });
    }

    /** The language this request is answered in. */
    public static Language of(Context ctx) {
        Language known = ctx.attribute(CHOSEN);
        Optional<Language> own = RequestScope.principal(ctx).map(Principal::language).flatMap(Language::of);
        if (own.isPresent()) {
            return own.get();
        }
        if (known != null) {
            return known;
        }
        Language fallback = Optional.ofNullable(ctx.<Language>attribute(FALLBACK)).orElse(EN);
        Language resolved = of(ctx.cookie(COOKIE))
                .or(() -> fromAcceptLanguage(ctx.header("Accept-Language")))
                .orElse(fallback);
        ctx.attribute(CHOSEN, resolved);
        return resolved;
    }

    /** A switcher's link: the same page, with its query, in another language. */
    public record Link(Language language, String href) {
    }

    /** The links of the language switcher, one per language, to the page being answered. */
    public static List<Link> links(Context ctx) {
        String others = ctx.queryParamMap().entrySet().stream()
                .filter(e -> !e.getKey().equals(PARAMETER))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v) + "&"))
                .collect(Collectors.joining());
        return Arrays.stream(values()).map(l -> new Link(l, ctx.path() + "?" + others + PARAMETER + "=" + l.code())).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The first language of the header's list, by weight, that the portal speaks. */
    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> of(range.getRange().split("-")[0]))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
