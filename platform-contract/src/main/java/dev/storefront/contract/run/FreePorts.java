package dev.storefront.contract.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * Ports for the components of a platform started later, outside the kernel's ephemeral range. The system's pick
 * ({@code new ServerSocket(0)}) comes from that range, where every outgoing connection and every other {@code bind(0)}
 * on the machine draws too, from the time it is picked until the component binds it; two picks may even be the same
 * port (Linux hands {@code bind(0)} a random port of about 7,000 when SO_REUSEADDR is on). Above and below the range
 * the kernel hands out nothing by itself, and this JVM never hands out a port twice.
 */
public final class FreePorts {

    /** Below this lie the well-known ports and the platform's defaults (4444, 8000-9405). */
    static final int LOWEST = 10_000;

    /** Linux's default when the range cannot be read. */
    static final int[] DEFAULT_EPHEMERAL = {32_768, 60_999};

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A port nothing listens on now, outside the ephemeral range, not handed out before by this JVM. */
    public static int pick() {
        return pick(ephemeralRange(), FreePorts::bindable, HANDED_OUT);
    }

    static int pick(int[] ephemeral, IntPredicate free, Set<Integer> handedOut) {
        int below = Math.max(0, ephemeral[0] - LOWEST);
        int above = Math.max(0, 65_535 - ephemeral[1]);
        if (below + above == 0) {
            throw new IllegalStateException("no port outside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]
                    + " (" + EPHEMERAL_RANGE + ") above " + LOWEST);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int index = random.nextInt(below + above);
            int port = index < below ? LOWEST + index : ephemeral[1] + 1 + index - below;
            if (!handedOut.contains(port) && free.test(port) && handedOut.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port outside the ephemeral range after " + ATTEMPTS + " attempts");
    }

    /** The kernel's ephemeral range {low, high}, Linux's default where there is no such file. */
    static int[] ephemeralRange() {
        if (!Files.isReadable(EPHEMERAL_RANGE)) {
            return DEFAULT_EPHEMERAL;
        }
        try {
            return parseRange(Files.readString(EPHEMERAL_RANGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] parseRange(String text) {
        String[] parts = text.strip().split("\\s+");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException e) {
            // falls through to the default below
        }
        return DEFAULT_EPHEMERAL;
    }

    /** Whether a listener could bind the port on the loopback now. */
    public static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
