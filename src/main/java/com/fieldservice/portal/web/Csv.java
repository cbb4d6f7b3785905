package com.fieldservice.portal.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV lines: every cell quoted when it holds a comma, quote or line break (quotes
 * doubled), lines ended by CRLF. A cell that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) gets a leading single quote, so it is shown as text.
 * Every CSV export of the portal writes through here.
 */
public final class Csv {

    /** Written first, so that spreadsheet programs read the file as UTF-8 (accents right). */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /**
     * The separator a spreadsheet of the language expects: a comma in English; a semicolon in
     * French and Dutch, where the comma is the decimal sign (a Belgian Excel opens it in columns).
     */
    public static char separator(Language language) {
        return language == Language.EN ? ',' : ';';
    }

    public static void line(Writer out, List<String> cells) throws IOException {
        line(out, cells, ',');
    }

    public static void line(Writer out, List<String> cells, char separator) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf(';') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
