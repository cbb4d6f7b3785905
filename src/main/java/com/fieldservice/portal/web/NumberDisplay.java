package com.fieldservice.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * How pages write quantities (every template has it as {@code num}): counts grouped and decimals
 * with the language's signs ("1,234" and "50.8503" in English; "1 234" and "50,8503" in French;
 * "1.234" and "50,8503" in Dutch). Numbers that name something (a work-order number, an id, a
 * code) are never written through here: they stay as their digits.
 */
public final class NumberDisplay {

    private static final Map<Language, NumberDisplay> LANGUAGES = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            LANGUAGES.put(language, new NumberDisplay(language));
        }
    }

    private final Language language;

    private NumberDisplay(Language language) {
        this.language = language;
    }

    public static NumberDisplay in(Language language) {
        return LANGUAGES.get(language);
    }

    /** "1,234" / "1 234" / "1.234". */
    public String count(long value) {
        return NumberFormat.getIntegerInstance(language.locale()).format(value);
    }

    /** "50.8503" / "50,8503", every decimal kept; "" for none. */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }
}
