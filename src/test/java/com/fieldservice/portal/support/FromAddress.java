package com.fieldservice.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A visitor whose requests come from another client address than the tests' usual one: the
 * loopback network is 127.0.0.0/8, so a socket bound to, say, 127.0.0.2 reaches the portal as a
 * different address. Plain HTTP/1.0 over a socket (Java's HttpClient can't choose its local
 * address), one request per connection.
 */
public final class FromAddress {

    public record Answer(int status, List<String> headers, String body) {
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase() + ":";
            return headers.stream().filter(h -> h.toLowerCase().startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).findFirst();
        }
    }

    private final TestPortal portal;
    private final InetAddress address;

    public FromAddress(TestPortal portal, String address) {
        this.portal = portal;
        try {
            this.address = InetAddress.getByName(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in on the form as a browser would: fetch the form (its CSRF cookie and field), post it. */
    public Answer signIn(String username, String password) {
        Answer form = send("GET /login", List.of(), "");
        String cookie = form.headers().stream().filter(h -> h.toLowerCase().startsWith("set-cookie:"))
                .map(h -> h.substring("set-cookie:".length()).strip().split(";", 2)[0])
                .collect(Collectors.joining("; "));
        String token = Jsoup.parse(form.body()).select("input[name=_csrf]").val();
        String body = Map.of("_csrf", token, "username", username, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST /login", List.of("Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded"), body);
    }

    /** GET with HTTP Basic credentials, as an integration calls the API. */
    public Answer apiGet(String path, String username, String password) {
        String credentials = java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send("GET " + path, List.of("Authorization: Basic " + credentials), "");
    }

    private Answer send(String requestLine, List<String> headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.0\r\nHost: localhost\r\n");
        headers.forEach(h -> request.append(h).append("\r\n"));
        request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), portal.app().port(), address, 0)) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            List<String> lines = new ArrayList<>(List.of(raw.substring(0, end).split("\r\n")));
            int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
            return new Answer(status, lines, raw.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
