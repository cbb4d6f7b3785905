package com.fieldservice.portal.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a file is comes from its bytes; what it is called is cleaned up. */
class UploadTest {

    static Upload upload(String name, byte[] bytes) {
        return new Upload(name, bytes.length, bytes);
    }

    @Test
    void eachAcceptedKindIsRecognisedByItsSignature() {
        assertThat(upload("a", Samples.jpeg()).detectedKind()).contains(Upload.Kind.JPEG);
        assertThat(upload("a", Samples.png()).detectedKind()).contains(Upload.Kind.PNG);
        assertThat(upload("a", Samples.pdf()).detectedKind()).contains(Upload.Kind.PDF);
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("a", webp).detectedKind()).contains(Upload.Kind.WEBP);
        byte[] heic = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("a", heic).detectedKind()).contains(Upload.Kind.HEIC);
        byte[] heif = "\0\0\0\u0018ftypmif1\0\0\0\0mif1".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("a", heif).detectedKind()).contains(Upload.Kind.HEIF);
    }

    @Test
    void theNameNeverDecides() {
        assertThat(upload("photo.jpg", "just some text".getBytes(StandardCharsets.UTF_8)).detectedKind()).isEmpty();
        assertThat(upload("page.pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)).detectedKind())
                .isEmpty();
        byte[] mp4 = "\0\0\0\u0018ftypisom\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload("clip.heic", mp4).detectedKind()).isEmpty();
        assertThat(upload("notes.png", Samples.pdf()).detectedKind()).contains(Upload.Kind.PDF);
        assertThat(upload("x", new byte[0]).detectedKind()).isEqualTo(Optional.empty());
    }

    @Test
    void namesLoseTheirPathAndControlCharactersAndKeepTheirExtension() {
        assertThat(upload("C:\\Users\\alice\\Pictures\\boiler.jpg", new byte[1]).safeName()).isEqualTo("boiler.jpg");
        assertThat(upload("../../etc/passwd", new byte[1]).safeName()).isEqualTo("passwd");
        assertThat(upload("a\u0000b\nc\".png", new byte[1]).safeName()).isEqualTo("a_b_c_.png");
        assertThat(upload("...", new byte[1]).safeName()).isEqualTo("file");
        assertThat(upload("", new byte[1]).safeName()).isEqualTo("file");
        String longName = upload("x".repeat(400) + ".jpeg", new byte[1]).safeName();
        assertThat(longName).hasSize(255).endsWith("x.jpeg");
        assertThat(upload("Chaudière été.jpg", new byte[1]).safeName()).isEqualTo("Chaudière été.jpg");
    }
}
