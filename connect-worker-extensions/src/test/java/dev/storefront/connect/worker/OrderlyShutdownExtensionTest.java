package dev.storefront.connect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ShutdownThread;
import org.junit.jupiter.api.Test;

class OrderlyShutdownExtensionTest {

    @Test
    void aServerStartedWithStopAtShutdownIsLeftToItsOwnersStop() throws Exception {
        // As Connect's RestServer starts its Jetty server.
        Server server = new Server(0);
        server.setStopAtShutdown(true);
        server.start();
        try {
            assertThat(ShutdownThread.isRegistered(server))
                    .as("Jetty's hook would stop it")
                    .isTrue();

            new OrderlyShutdownExtension().register(null);

            assertThat(ShutdownThread.isRegistered(server))
                    .as("Jetty's hook no longer stops it")
                    .isFalse();
            assertThat(server.isStarted()).isTrue();
        } finally {
            server.stop();
            server.join();
        }
        assertThat(server.isStopped()).isTrue();
    }
}
