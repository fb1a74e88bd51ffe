package dev.storefront.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets processes listen on, from Linux's /proc (no tool needed): each process's socket inodes
 * ({@code /proc/<pid>/fd}) matched with the LISTEN entries of {@code /proc/net/tcp} and {@code tcp6}.
 */
public final class ListeningSockets {

    /** One listening socket: its address and port, and whether that address is loopback. */
    public record Listener(InetAddress address, int port) {
        public boolean loopback() {
            return address.isLoopbackAddress() || mappedLoopback();
        }

        private boolean mappedLoopback() {
            byte[] bytes = address.getAddress();
            return bytes.length == 16 && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff && bytes[12] == 127;
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** What the processes {@code pids} and their descendants listen on. */
    public static List<Listener> of(Collection<Long> pids) {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(handle -> {
                inodes.addAll(socketInodes(handle.pid()));
                handle.descendants().forEach(child -> inodes.addAll(socketInodes(child.pid())));
            });
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                lines.skip(1).map(line -> line.trim().split("\\s+")).forEach(columns -> {
                    if (columns[3].equals(LISTEN) && inodes.contains(columns[9])) {
                        listeners.add(listener(columns[1]));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return listeners;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor closed meanwhile.
                }
            });
        } catch (IOException e) {
            // The process ended meanwhile.
        }
        return inodes;
    }

    /** "0100007F:1F90" (IPv4) or 32 hex digits (IPv6), each 32-bit word in the kernel's little-endian order. */
    private static Listener listener(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        byte[] words = new BigInteger("1" + parts[0], 16).toByteArray();
        byte[] address = new byte[parts[0].length() / 2];
        for (int word = 0; word < address.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                address[word * 4 + b] = words[1 + word * 4 + (3 - b)];
            }
        }
        try {
            return new Listener(InetAddress.getByAddress(address), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
