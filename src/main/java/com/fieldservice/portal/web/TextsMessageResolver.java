package com.fieldservice.portal.web;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Thymeleaf's {@code #{...}} read from {@link Texts} in the request's language. A message with
 * arguments goes through {@link java.text.MessageFormat} (its quotes are typographic ’, never '), whole
 * numbers as plain digits; a missing key shows Thymeleaf's {@code ??key_xx??} marker, which the
 * tests look for.
 */
final class TextsMessageResolver implements IMessageResolver {

    @Override
    public String getName() {
        return "portal texts";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        Language language = Language.of(context.getLocale(), Language.EN);
        String text = Texts.orNull(language, key);
        if (text == null || messageParameters == null || messageParameters.length == 0) {
            return text;
        }
        return TextArguments.format(text, language.locale(), messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
            Object[] messageParameters) {
        return "??" + key + "_" + (context.getLocale() == null ? "" : context.getLocale().getLanguage()) + "??";
    }
}
