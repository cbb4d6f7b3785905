package com.fieldservice.portal.notify;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The texts of every message, {@code messages/mail.properties} (English), with
 * {@code mail_<language>.properties} beside it for another language: a key missing there reads
 * in English. An unknown key is a bug, never a blank in someone's mailbox. Arguments are
 * written as given (a work-order number is never grouped as "4,711").
 */
final class MailTexts implements IMessageResolver {

    static final String BUNDLE = "messages/mail";
    private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();

    String text(Locale locale, String key, Object... args) {
        String pattern = texts(locale).getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("no text " + key + " in " + BUNDLE + ".properties");
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        Object[] plain = Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
        return new MessageFormat(pattern, locale).format(plain);
    }

    boolean has(Locale locale, String key) {
        return texts(locale).getProperty(key) != null;
    }

    private Properties texts(Locale locale) {
        return byLanguage.computeIfAbsent(locale.getLanguage(), language -> {
            Properties texts = load(BUNDLE + ".properties", new Properties());
            return language.equals("en") ? texts : load(BUNDLE + "_" + language + ".properties", texts);
        });
    }

    private static Properties load(String name, Properties beneath) {
        Properties texts = new Properties();
        texts.putAll(beneath);
        try (var in = MailTexts.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } else if (beneath.isEmpty()) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    @Override
    public String getName() {
        return "mail texts";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
        return text(context.getLocale(), key, args);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] args) {
        throw new IllegalStateException("no text " + key + " in " + BUNDLE + ".properties");
    }
}
