package com.fieldservice.portal.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A writer that encodes what it is given to UTF-8 bytes as it comes, for a page written straight
 * into the response. Why: a page with one character beyond Latin-1 ("·", "–") is built by Java as
 * a string of two bytes a character, every piece widened on the way in, copied, then encoded
 * character by character as a whole at the end; here each piece is encoded once, by the JDK (for
 * most, plain ASCII, a copy) or, when short, here. A
 * character the UTF-16 text can't stand for (a lone surrogate) becomes "?", as String.getBytes
 * writes it.
 */
final class Utf8Bytes extends Writer {

    /** From this length on a piece is encoded by String.getBytes, shorter ones here character by character. */
    private static final int WHOLE = 8;

    private byte[] bytes;
    private int size;
    /** The first half of a character beyond the Basic Multilingual Plane, waiting for its second. */
    private char high;

    Utf8Bytes(int expected) {
        bytes = new byte[Math.max(expected, 1024)];
    }

    @Override
    public void write(int c) {
        room(4);
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (length < WHOLE || high != 0 || Character.isSurrogate(chars[offset]) || Character.isSurrogate(chars[offset + length - 1])) {
            room(3 * length + 4);
            for (int i = offset; i < offset + length; i++) {
                put(chars[i]);
            }
        } else {
            whole(new String(chars, offset, length));
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        if (length < WHOLE || high != 0 || Character.isSurrogate(text.charAt(offset))
                || Character.isSurrogate(text.charAt(offset + length - 1))) {
            room(3 * length + 4);
            for (int i = offset; i < offset + length; i++) {
                put(text.charAt(i));
            }
        } else {
            whole(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
        }
    }

    /** A piece that neither begins nor ends halfway through a character: encoded by the JDK, a copy for plain ASCII. */
    private void whole(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        room(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public Writer append(CharSequence text) {
        String s = String.valueOf(text);
        write(s, 0, s.length());
        return this;
    }

    private void put(char c) {
        if (high != 0) {
            char first = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int code = Character.toCodePoint(first, c);
                bytes[size++] = (byte) (0xF0 | code >> 18);
                bytes[size++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | code & 0x3F);
                return;
            }
            bytes[size++] = '?';
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** What was written, a lone first half at the end written as "?". */
    InputStream stream() {
        if (high != 0) {
            high = 0;
            room(1);
            bytes[size++] = '?';
        }
        return new ByteArrayInputStream(bytes, 0, size);
    }

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
