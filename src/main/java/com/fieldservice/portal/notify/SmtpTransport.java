package com.fieldservice.portal.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Hands a message to the SMTP server of PORTAL_SMTP_*, through Jakarta Mail (Eclipse Angus):
 * multipart/alternative with a plain-text and an HTML part (within multipart/mixed, beside the
 * attachment, when there is one), and the unsubscribe headers of
 * RFC 8058 when the message has a link for it. Timeouts are bounded, so a server that hangs
 * costs one attempt, well within a sender's lease.
 */
public final class SmtpTransport {

    /** A message as it goes out; {@code messageId} stays the same on every attempt of the same row. */
    public record Envelope(List<String> to, String subject, String text, String html, Optional<String> unsubscribe,
                           String messageId, Optional<Attachment> attachment) {
    }

    /** A file that goes with the message: its name, its full content type, its text (sent as UTF-8). */
    public record Attachment(String fileName, String contentType, String text) {
    }

    /** The server refused or could not be reached; the message says what the server answered. */
    public static final class Failure extends Exception {
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int TIMEOUT_MILLIS = 30_000;
    private final MailSettings settings;
    private final Session session;

    public SmtpTransport(MailSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        String protocol = settings.tls() == MailSettings.Tls.TLS ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host().orElseThrow());
        props.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail." + protocol + ".auth", String.valueOf(settings.user().isPresent()));
        if (settings.tls() == MailSettings.Tls.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (settings.tls() != MailSettings.Tls.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator login = settings.user().map(user -> new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, settings.password());
            }
        }).orElse(null);
        this.session = Session.getInstance(props, login);
    }

    public void send(Envelope envelope) throws Failure {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", envelope.messageId());
                }
            };
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", envelope.to()), true));
            message.setSubject(envelope.subject(), "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(envelope.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(envelope.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (envelope.attachment().isPresent()) {
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(body);
                mixed.addBodyPart(attachment(envelope.attachment().get()));
                message.setContent(mixed);
            } else {
                message.setContent(alternative);
            }
            if (envelope.unsubscribe().isPresent()) {
                message.setHeader("List-Unsubscribe", "<" + envelope.unsubscribe().get() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
            Transport.send(message);
        } catch (MessagingException e) {
            throw new Failure(describe(e), e);
        }
    }

    private static MimeBodyPart attachment(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.text().getBytes(StandardCharsets.UTF_8),
                attachment.contentType())));
        part.setFileName(attachment.fileName());
        return part;
    }

    /** What went wrong, with the server's own answer where it gave one (the whole chain of causes). */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 8; t = t instanceof MessagingException m && m.getNextException() != null
                ? m.getNextException() : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : " — ").append(message);
            }
        }
        return text.toString();
    }
}
