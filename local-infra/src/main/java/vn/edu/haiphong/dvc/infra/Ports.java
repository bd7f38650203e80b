package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Port helpers shared by the servers and their command-line launchers. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago; the caller binds it soon after, accepting a small race. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    static int freePortOtherThan(int taken) {
        for (int i = 0; i < 20; i++) {
            int candidate = freePort();
            if (candidate != taken) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find a second free port");
    }

    /**
     * Whether something already listens on the port. Binding the wildcard address catches a listener on
     * any local address, which is what both servers would collide with.
     */
    public static boolean isInUse(int port) {
        if (port == 0) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Lets a port whose last connections are in TIME_WAIT count as free, as the servers themselves do.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Fails with a {@link BindException} cause, so callers can tell a taken port from other failures. */
    static void requireFree(int port, String what) {
        if (isInUse(port)) {
            throw new IllegalStateException("port " + port + " is already in use, so " + what + " cannot start",
                    new BindException("Address already in use: " + port));
        }
    }

    static void awaitListening(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nothing listens on port " + port + " after " + timeout, e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for port " + port, e);
            }
        }
    }
}
