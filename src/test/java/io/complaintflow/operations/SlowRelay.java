package io.complaintflow.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A TCP relay that holds every new connection for a while before passing it on: a mail server that answers
 * slowly, so a node's mail jobs are still locked (running) when the test kills that node.
 */
final class SlowRelay implements AutoCloseable {
    private final ServerSocket server;

    SlowRelay(int targetPort, Duration delay) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    daemon(() -> relay(client, targetPort, delay));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "slow-relay");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    int port() {
        return server.getLocalPort();
    }

    private static void relay(Socket client, int targetPort, Duration delay) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread.sleep(delay.toMillis()); // the slow server under test, not a wait in the test itself
            Thread toTarget = daemon(() -> pipe(client, target));
            pipe(target, client);
            toTarget.join();
        } catch (IOException | InterruptedException e) {
            // the node that used this connection was killed
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
