package com.fieldservice.portal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test's JVM (GreenMail) on a free port, and how to read what it got.
 * {@link #portalEnvironment()} points a {@link TestPortal} at it.
 */
public final class TestMail implements AutoCloseable {

    public static final String BACK_OFFICE = "backoffice@portal.test";
    private final GreenMail server;

    private TestMail(GreenMail server) {
        this.server = server;
    }

    public static TestMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return new TestMail(server);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** PORTAL_* variables that send the portal's mail here, with a back-office mailbox. */
    public Map<String, String> portalEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_SMTP_HOST", "127.0.0.1");
        env.put("PORTAL_SMTP_PORT", String.valueOf(port()));
        env.put("PORTAL_MAIL_FROM", "Work-order portal <portal@portal.test>");
        env.put("PORTAL_BACKOFFICE_MAIL", BACK_OFFICE);
        return env;
    }

    /** Every message received so far. */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** Waits (up to 20 s, returning as soon as they are there) until at least {@code count} messages arrived in all. */
    public List<MimeMessage> awaitCount(int count) {
        server.waitForIncomingEmail(20_000, count);
        return received();
    }

    /** The messages received for this address. */
    public List<MimeMessage> to(String address) {
        return received().stream().filter(m -> recipients(m).contains(address.toLowerCase())).toList();
    }

    /** Waits until a message for this address whose subject contains {@code subject} arrived; fails after 20 s. */
    public MimeMessage await(String address, String subject) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : to(address)) {
                if (subject(message).contains(subject)) {
                    return message;
                }
            }
            server.waitForIncomingEmail(500, server.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no message '" + subject + "' for " + address + " within 20 s; got "
                + received().stream().map(m -> recipients(m) + ": " + subject(m)).toList());
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO)).toLowerCase();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of this content type ("text/plain", "text/html"), decoded. */
    public static String part(MimeMessage message, String type) {
        try {
            return find(message, type);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return ((String) part.getContent()).replace("\r\n", "\n");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The attachment of this content type ("text/calendar"), if there is one: its headers and its text as sent. */
    public static Part attachment(MimeMessage message, String type) {
        try {
            return findPart(message, type);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A part's text, decoded from its transfer encoding, line endings as they were. */
    public static String text(Part part) {
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part findPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = findPart(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The first link in the plain-text part that starts with this URL. */
    public static String link(MimeMessage message, String startingWith) {
        Matcher matcher = Pattern.compile(Pattern.quote(startingWith) + "\\S*").matcher(part(message, "text/plain"));
        if (!matcher.find()) {
            throw new AssertionError("no link " + startingWith + " in " + part(message, "text/plain"));
        }
        return matcher.group();
    }

    @Override
    public void close() {
        server.stop();
    }
}
