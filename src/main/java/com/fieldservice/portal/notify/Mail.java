package com.fieldservice.portal.notify;

import com.fieldservice.portal.time.BusinessClock;
import org.jdbi.v3.core.Jdbi;

/**
 * Email, wired once: the links of messages, the unsubscribe tokens, the renderer, the sender and
 * the pages. {@link #started(int)} once the portal listens; {@link #close()} before the database
 * goes.
 */
public final class Mail implements AutoCloseable {

    public final Links links;
    public final MailSender sender;
    public final PreferencesHandler preferences;
    public final OutboxHandler outbox;

    public Mail(MailSettings settings, Jdbi jdbi, BusinessClock clock) {
        this(settings, jdbi, clock, MailSender.Policy.DEFAULT);
    }

    public Mail(MailSettings settings, Jdbi jdbi, BusinessClock clock, MailSender.Policy policy) {
        this.links = new Links(settings.baseUrl());
        UnsubscribeTokens tokens = new UnsubscribeTokens(jdbi);
        this.sender = new MailSender(jdbi, settings, new MailRenderer(links, tokens, clock), policy);
        this.preferences = new PreferencesHandler(new Preferences(jdbi), tokens);
        this.outbox = new OutboxHandler(jdbi, sender, settings.sends());
    }

    /** The portal listens on this port: links are known, messages may go. */
    public void started(int port) {
        links.listeningOn(port);
        sender.start();
    }

    @Override
    public void close() {
        sender.close();
    }
}
