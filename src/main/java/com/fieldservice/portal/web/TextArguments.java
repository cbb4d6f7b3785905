package com.fieldservice.portal.web;

import java.math.BigInteger;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;

/**
 * A message with its arguments as the portal writes it: a whole number in a plain {@code {0}} (a
 * work-order number, an id, a count of seconds) as its digits, never grouped or localised
 * ("#4966", not "#4,966"). A placeholder that says how to write its number ({@code {0,number}},
 * {@code {0,choice,...}}) gets the number itself, in the language's conventions.
 */
final class TextArguments {

    private TextArguments() {
    }

    static String format(String pattern, Locale locale, Object[] args) {
        MessageFormat message = new MessageFormat(pattern, locale);
        Object[] given = args == null ? new Object[0] : args.clone();
        Format[] formats = message.getFormatsByArgumentIndex();
        for (int i = 0; i < given.length; i++) {
            boolean plain = i >= formats.length || formats[i] == null;
            if (plain && isWhole(given[i])) {
                given[i] = given[i].toString();
            }
        }
        return message.format(given);
    }

    private static boolean isWhole(Object arg) {
        return arg instanceof Long || arg instanceof Integer || arg instanceof Short || arg instanceof Byte
                || arg instanceof BigInteger;
    }
}
