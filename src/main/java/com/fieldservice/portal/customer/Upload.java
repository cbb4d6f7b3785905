package com.fieldservice.portal.customer;

import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Optional;

/**
 * One file a customer sent: its name as their device gave it, its size, and its bytes (only read
 * when the size is within the limit, so an oversized file is refused without being loaded).
 * What it is comes from its first bytes, never from its name or the browser's claimed type.
 */
public record Upload(String originalName, long size, byte[] bytes) {

    /** At most this much per file. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** The kinds of file the portal accepts, each recognised by its signature. */
    public enum Kind {
        JPEG("image/jpeg", false),
        PNG("image/png", false),
        WEBP("image/webp", false),
        HEIC("image/heic", true),
        HEIF("image/heif", true),
        PDF("application/pdf", true);

        private final String contentType;
        /** Browsers show JPEG, PNG and WebP; PDFs (and HEIC, which browsers can't show) are downloaded. */
        private final boolean download;

        Kind(String contentType, boolean download) {
            this.contentType = contentType;
            this.download = download;
        }

        public String contentType() {
            return contentType;
        }

        public boolean download() {
            return download;
        }

        public static Optional<Kind> ofContentType(String contentType) {
            return Arrays.stream(values()).filter(k -> k.contentType.equals(contentType)).findFirst();
        }
    }

    public static Upload from(UploadedFile file) {
        long size = file.size();
        if (size > MAX_BYTES) {
            return new Upload(file.filename(), size, null);
        }
        try (InputStream in = file.content()) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            return new Upload(file.filename(), bytes.length, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file input left empty still sends a part: no name and no bytes. */
    public boolean isEmpty() {
        return (originalName == null || originalName.isBlank()) && size == 0;
    }

    public boolean tooLarge() {
        return size > MAX_BYTES || bytes == null;
    }

    /** What the bytes are, by their signature; empty when they are none of the accepted kinds. */
    public Optional<Kind> detectedKind() {
        return bytes == null ? Optional.empty() : detect(bytes);
    }

    static Optional<Kind> detect(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(Kind.WEBP);
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(Kind.PDF);
        }
        // ISO base media file: a box "ftyp" at offset 4, then the major brand
        if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            switch (brand) {
                case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs":
                    return Optional.of(Kind.HEIC);
                case "mif1", "msf1":
                    return Optional.of(Kind.HEIF);
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name kept with the file: its last path segment (some browsers send a whole path),
     * without control or path characters, at most 255 characters with its extension kept.
     */
    public String safeName() {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\\p{Cf}\"*:<>?|;]", "_")
                .replaceAll("\\s+", " ")
                .strip()
                .replaceAll("^[.\\s]+", "");
        if (name.isEmpty()) {
            name = "file";
        }
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }
}
