package dev.storefront.contract.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a local component's processes hold in memory, from Linux's /proc: the bench's figures and `status`. */
public final class ProcessMemory {

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB$", Pattern.MULTILINE);
    private static final Pattern PSS = Pattern.compile("^Pss:\\s+(\\d+) kB$", Pattern.MULTILINE);

    private ProcessMemory() {}

    /** Resident set of one process in MB (/proc/PID/status VmRSS). */
    public static double residentMegabytes(long pid) throws IOException {
        Matcher rss = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!rss.find()) {
            throw new IOException("no VmRSS in /proc/" + pid + "/status");
        }
        return Long.parseLong(rss.group(1)) / 1024.0;
    }

    /**
     * Proportional set size in MB of a process and its descendants (PostgreSQL's backends): shared pages split among
     * the processes that map them, so components add up without counting a shared library twice.
     */
    public static double proportionalMegabytes(long pid) {
        List<Long> tree = ProcessHandle.of(pid)
                .map(process -> Stream.concat(Stream.of(process), process.descendants())
                        .map(ProcessHandle::pid)
                        .toList())
                .orElse(List.of());
        long kb = 0;
        for (long member : tree) {
            try {
                Matcher pss = PSS.matcher(Files.readString(Path.of("/proc", Long.toString(member), "smaps_rollup")));
                kb += pss.find() ? Long.parseLong(pss.group(1)) : 0;
            } catch (IOException gone) {
                // A backend that ended meanwhile holds nothing any more.
            }
        }
        return kb / 1024.0;
    }
}
