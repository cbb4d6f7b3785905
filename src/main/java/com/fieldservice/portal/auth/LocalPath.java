package com.fieldservice.portal.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Decides whether a place to send someone to (the {@code next} of the sign-in form) is a plain
 * path of this site. Browsers are lenient in ways that turn a path into another host: they drop
 * tabs and line breaks ({@code /<TAB>/evil} becomes {@code //evil}), read a backslash as a slash
 * ({@code /\evil}), and some decode before they parse. So a path passes only when it starts with
 * one slash, holds nothing but visible ASCII without a backslash, and stays so once
 * percent-decoded, as often as it decodes: no control, format or whitespace character, no
 * backslash, no second leading slash, in any encoding. Anything doubtful is refused: the person
 * then lands on their home page, which costs them one click.
 */
public final class LocalPath {

    /** Longer than any page of this site needs; a longer one is not worth the risk. */
    static final int MAX_LENGTH = 2000;
    /** Deeper nesting than this is no real link but an attempt to outlast the check. */
    private static final int MAX_DECODINGS = 5;

    private LocalPath() {
    }

    /** The path itself when it is a plain path of this site, empty otherwise. */
    public static Optional<String> of(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || !visibleAscii(candidate)) {
            return Optional.empty();
        }
        String decoded = candidate;
        for (int round = 0; round <= MAX_DECODINGS; round++) {
            if (!plain(decoded)) {
                return Optional.empty();
            }
            Optional<String> once = decodeOnce(decoded);
            if (once.isEmpty()) {
                return Optional.empty();
            }
            if (once.get().equals(decoded)) {
                return Optional.of(candidate);
            }
            decoded = once.get();
        }
        return Optional.empty();
    }

    private static boolean visibleAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static boolean plain(String path) {
        // compatibility forms too: a full-width solidus or reverse solidus may be folded into the real one
        String folded = Normalizer.normalize(path, Normalizer.Form.NFKC);
        if (!path.startsWith("/") || path.startsWith("//") || folded.startsWith("//") || folded.indexOf('\\') >= 0) {
            return false;
        }
        return path.codePoints().noneMatch(c -> c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
    }

    /** One round of percent-decoding as UTF-8 ('+' stays: in a path it is no space); empty when malformed. */
    private static Optional<String> decodeOnce(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low < 0) {
                return Optional.empty();
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
