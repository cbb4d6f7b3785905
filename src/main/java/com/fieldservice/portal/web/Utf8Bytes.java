package com.fieldservice.portal.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that gathers a page for the response and gives it as UTF-8 bytes. Thymeleaf writes a
 * page in thousands of pieces of a few characters ("&lt;", "td", "&gt;"), so each piece is only
 * copied here, into one unsynchronized character buffer (a StringWriter locks and checks its coder
 * on every piece), and the page is encoded once at the end, by the JDK's own encoder: as fast, side
 * by side, as encoding each piece as it came, with no encoder of our own to keep. A character the
 * UTF-16 text can't stand for (a lone surrogate) becomes "?", as String.getBytes writes it.
 */
final class Utf8Bytes extends Writer {

    private char[] chars;
    private int size;

    Utf8Bytes(int expected) {
        chars = new char[Math.max(expected, 1024)];
    }

    @Override
    public void write(int c) {
        room(1);
        chars[size++] = (char) c;
    }

    @Override
    public void write(char[] text, int offset, int length) {
        room(length);
        System.arraycopy(text, offset, chars, size, length);
        size += length;
    }

    @Override
    public void write(String text, int offset, int length) {
        room(length);
        text.getChars(offset, offset + length, chars, size);
        size += length;
    }

    private void room(int more) {
        if (size + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, size + more));
        }
    }

    /** What was written, encoded to UTF-8. */
    InputStream stream() {
        return new ByteArrayInputStream(new String(chars, 0, size).getBytes(StandardCharsets.UTF_8));
    }

    /** How many characters were written: the next page of the same template starts with this room. */
    int size() {
        return size;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
