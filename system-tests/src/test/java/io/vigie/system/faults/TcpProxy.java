package io.vigie.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of one dependency (a service's PostgreSQL, the SMTP mailbox), so a test can make that
 * one dependency unavailable without touching the others: {@link #cut()} drops every open connection and stops
 * listening (new connections are refused, as with a server that is down), {@link #restore()} listens again on the
 * same port.
 */
final class TcpProxy implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final String name;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile String targetHost;
    private volatile int targetPort;
    private volatile int port;
    private ServerSocket listener;

    private TcpProxy(String name, String targetHost, int targetPort) {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free loopback port; the target may be set later, before the first connection. */
    static TcpProxy start(String name, String targetHost, int targetPort) {
        TcpProxy proxy = new TcpProxy(name, targetHost, targetPort);
        proxy.listen();
        return proxy;
    }

    int port() {
        return port;
    }

    void target(String host, int targetPort) {
        this.targetHost = host;
        this.targetPort = targetPort;
    }

    /** The dependency goes away: open connections are reset and new ones refused. */
    synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** The dependency is back, on the same port. */
    synchronized void restore() {
        if (listener == null) {
            listen();
        }
    }

    @Override
    public void close() {
        cut();
    }

    private synchronized void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 50);
            port = socket.getLocalPort();
            listener = socket;
            daemon(name + "-proxy-accept", () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("The " + name + " proxy cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        daemon(name + "-proxy-pump", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side went away or the proxy was cut: both sockets close below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String threadName, Runnable work) {
        Thread thread = new Thread(work, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed: nothing left to release.
        }
    }
}
