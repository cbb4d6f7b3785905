package com.fieldservice.portal.auth;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The accounts integrations sign their requests with, by the username as they send it, so that
 * an API request reads no account. Only an integration's own account is kept: everything it
 * depends on (password, role, disabled, username, language) is on its account row, and any change
 * to that row, on any instance or in psql, reaches {@link #forgetAccount} (V26, V33 through
 * ops/CacheEvents). A staff member's or a contact's account also depends on their person and
 * company, and is read each time. True to the database only while {@code trusted}.
 */
final class ApiAccounts {

    static final int CAPACITY = 1_000;

    private final ConcurrentHashMap<String, AccountDao.Credentials> accounts = new ConcurrentHashMap<>();
    /** Moves at every forgetting, so that a read begun before it does not put back what it read. */
    private final AtomicLong generation = new AtomicLong();
    private final BooleanSupplier trusted;

    ApiAccounts(BooleanSupplier trusted) {
        this.trusted = trusted;
    }

    /** The account of this username, kept or read. */
    Optional<AccountDao.Credentials> find(String username, Supplier<Optional<AccountDao.Credentials>> read) {
        if (!trusted.getAsBoolean()) {
            return read.get();
        }
        AccountDao.Credentials kept = accounts.get(username);
        if (kept != null) {
            return Optional.of(kept);
        }
        long readAt = generation.get();
        Optional<AccountDao.Credentials> found = read.get();
        found.filter(ApiAccounts::keepable).ifPresent(account -> {
            if (accounts.size() >= CAPACITY) {
                accounts.clear();
            }
            accounts.put(username, account);
            if (generation.get() != readAt) {
                accounts.remove(username, account);
            }
        });
        return found;
    }

    private static boolean keepable(AccountDao.Credentials account) {
        return account.active() && Role.API.code().equals(account.principal().role())
                && account.principal().appUserId() == null && account.principal().contactId() == null;
    }

    void forgetAccount(String accountId) {
        Optional<UUID> account = SessionCache.account(accountId);
        if (account.isEmpty()) {
            clear();
            return;
        }
        generation.incrementAndGet();
        accounts.values().removeIf(kept -> kept.id().equals(account.get()));
    }

    void clear() {
        generation.incrementAndGet();
        accounts.clear();
    }
}
