package com.fieldservice.portal.customer;

import com.fieldservice.portal.support.WebSession;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real small files of each kind, and impostors, for upload tests. */
public final class Samples {

    private Samples() {
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts like a PNG and is larger than 10 MB. */
    public static byte[] pngOfSize(int size) {
        byte[] bytes = Arrays.copyOf(png(), size);
        return bytes;
    }

    public static WebSession.FilePart file(String name, String type, byte[] bytes) {
        return new WebSession.FilePart("files", name, type, bytes);
    }

    public static WebSession.FilePart photo(String name) {
        return file(name, "image/png", png());
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 24; x++) {
            for (int y = 0; y < 16; y++) {
                image.setRGB(x, y, new Color(x * 10, y * 15, 120).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
