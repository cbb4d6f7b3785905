package com.fieldservice.portal.ops;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The one place that says who the client is. Registered on Jetty's connector, before any
 * handler runs: the request's remote address becomes the client's (see {@link TrustedProxies}),
 * so {@code ctx.ip()} gives it everywhere (throttling, audit, sessions) and nothing else reads
 * X-Forwarded-For. It also marks whether the direct peer was a trusted proxy, for the request id.
 */
public final class ClientAddresses implements HttpConfiguration.Customizer {

    static final String FROM_TRUSTED_PROXY = "portal.fromTrustedProxy";

    private final TrustedProxies proxies;

    public ClientAddresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (proxies.isEmpty() || !(remote instanceof InetSocketAddress peer) || peer.getAddress() == null
                || !proxies.trusts(peer.getAddress())) {
            return request;
        }
        request.setAttribute(FROM_TRUSTED_PROXY, Boolean.TRUE);
        InetAddress client = proxies.client(peer.getAddress(),
                request.getHeaders().getValuesList("X-Forwarded-For"));
        if (client.equals(peer.getAddress())) {
            return request;
        }
        InetSocketAddress clientSocket = new InetSocketAddress(client, peer.getPort());
        ConnectionMetaData meta = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return clientSocket;
            }
        };
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return meta;
            }
        };
    }
}
