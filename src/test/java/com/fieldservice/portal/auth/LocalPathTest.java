package com.fieldservice.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the portal may send someone after signing in: a plain path of this site, nothing else. */
class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/portal",
            "/portal/jobs/1234",
            "/portal/jobs?tab=closed&q=boiler+room&page=2",
            "/backoffice/jobs?q=caf%C3%A9",
            "/backoffice/jobs?ref=PO%2F2026%2F17",
            "/account/password",
            "/portal/jobs/1234#job-customer-actions",
            "/a:b",
            "/"})
    void aPlainPathOfThisSitePasses(String path) {
        assertThat(LocalPath.of(path)).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // another host, plainly
            "//evil.example", "///evil.example", "https://evil.example", "http:evil.example", "https:/evil.example",
            "javascript:alert(1)", "data:text/html,x", "evil.example", "evil.example/portal", "",
            // backslashes, which browsers read as slashes
            "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "/portal\\..\\..\\evil",
            // control and whitespace characters, which browsers drop or trim
            "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "\t//evil.example", " //evil.example",
            "/ /evil.example", "/portal /x", "/\u0000/evil.example", "/\u007f/evil.example", "/\u000b/evil.example",
            "/\u00a0/evil.example", "/\u2028/evil.example", "/\u3000/evil.example", "/\u200b/evil.example",
            "/\ufeff/evil.example", "/\u202e/evil.example", "/\u0085/evil.example",
            // other characters outside visible ASCII, typed raw
            "/caf\u00e9", "/\uff0f/evil.example", "/\uff3cevil.example",
            // the same, percent-encoded once or more
            "%2F%2Fevil.example", "%2f%2fevil.example", "/%2F/evil.example", "/%2fevil.example", "/%5Cevil.example",
            "/%5cevil.example", "/%09/evil.example", "/%0A/evil.example", "/%0d/evil.example", "/%20/evil.example",
            "/%00", "/%7F", "/%C2%A0/evil.example", "/%E2%80%A8/evil.example", "/%E3%80%80/evil.example",
            "/%E2%80%8B/evil.example", "/%EF%BB%BF/evil.example", "/%EF%BC%8F/evil.example", "/%EF%BC%BCevil.example",
            "/%252F/evil.example", "/%2509/evil.example", "/%25252F/evil.example", "/%255C/evil.example",
            "/portal?q=%0D%0ASet-Cookie:x=1",
            // malformed percent-encoding and invalid UTF-8: no guessing
            "/%", "/%2", "/%zz", "/%C0%AF", "/%FF", "/%E2%80",
            // endlessly nested encoding
            "/%25252525252525252F"})
    void anythingElseIsRefused(String hostile) {
        assertThat(LocalPath.of(hostile)).as(hostile).isEmpty();
    }

    @Test
    void nothingAndTheOverlyLongAreRefused() {
        assertThat(LocalPath.of(null)).isEmpty();
        assertThat(LocalPath.of("/" + "a".repeat(LocalPath.MAX_LENGTH))).isEmpty();
        assertThat(LocalPath.of("/" + "a".repeat(LocalPath.MAX_LENGTH - 1))).isPresent();
    }
}
