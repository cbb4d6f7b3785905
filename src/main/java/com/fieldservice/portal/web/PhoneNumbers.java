package com.fieldservice.portal.web;

import java.util.regex.Pattern;

/**
 * What passes for a phone number, wherever one is typed: the customer's report form and the
 * operator's {@code PORTAL_SUPPORT_PHONE}. Digits, spaces and {@code + ( ) . / -}, starting with
 * a digit or a plus, ending with a digit, at most {@link #MAX} characters.
 */
public final class PhoneNumbers {

    /** The longest phone number kept (the reference's phone fields: 50). */
    public static final int MAX = 50;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,}[0-9]");

    private PhoneNumbers() {
    }

    public static boolean plausible(String phone) {
        return phone != null && phone.length() <= MAX && PHONE.matcher(phone).matches();
    }

    /** For a {@code tel:} link: the number without its spaces and punctuation, the plus kept. */
    public static String dialable(String phone) {
        return phone.replaceAll("[^0-9+]", "");
    }
}
