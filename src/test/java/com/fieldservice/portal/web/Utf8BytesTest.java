package com.fieldservice.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page written to Utf8Bytes is the bytes String.getBytes(UTF-8) gives for it, however it was cut into pieces. */
class Utf8BytesTest {

    private static byte[] written(List<String> pieces, int expected) throws IOException {
        Utf8Bytes out = new Utf8Bytes(expected);
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            switch (i % 4) {
                case 0 -> out.write(piece);
                case 1 -> out.write(piece.toCharArray(), 0, piece.length());
                case 2 -> out.append(piece);
                default -> piece.chars().forEach(out::write);
            }
        }
        return out.stream().readAllBytes();
    }

    @Test
    void writesWhatGetBytesWrites() throws IOException {
        List<String> pieces = List.of("<a href=\"/x\">", "4711 · Boiler – Hall · 09:00–10:00", "é", "Ω", "\uD83D",
                "\uDE00 rocket", "\uDE00", "lone \uD83D", "x", "end\uD83D");
        String whole = String.join("", pieces);
        assertThat(written(pieces, 1)).isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyTextCutAnywhereGivesTheSameBytes() throws IOException {
        Random random = new Random(42);
        char[] alphabet = {'a', '<', '"', 'é', 'ÿ', '·', '–', '€', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF', '\u0800', '\u07FF'};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String whole = text.toString();
            List<String> pieces = new java.util.ArrayList<>();
            for (int at = 0; at < whole.length(); ) {
                int next = Math.min(whole.length(), at + 1 + random.nextInt(5));
                pieces.add(whole.substring(at, next));
                at = next;
            }
            assertThat(written(pieces, 1)).as(whole).isEqualTo(whole.getBytes(StandardCharsets.UTF_8));
        }
    }
}
