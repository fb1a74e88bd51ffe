package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.ReplicationSlots;
import dev.storefront.contract.ReplicationSlots.SlotState;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debezium's slot must not hold WAL back while the captured database is idle and another database of the same server
 * writes: logical decoding skips the other database's changes, so without a decoded message Debezium never confirms a
 * newer position and the server keeps every byte written since (measured: 248 MiB after two minutes at 2 MiB/s). The
 * source's heartbeat emits a logical decoding message into the captured database every interval, which Debezium
 * decodes and confirms. Ten idle minutes shortened to about two: the analytics database is written at ~2 MiB/s
 * while no seeder writes, and the slot's retained WAL must fall far below what was written.
 */
@Order(4)
@ExtendWith(LocalPlatformExtension.class)
class IdleSourceKeepsWalBoundedIT {

    private static final String FILLER = "wal_filler_idle_source";
    private static final long MIB = 1024L * 1024L;
    /** ~2 MiB of WAL per chunk: 2,000 rows of 1,000 bytes (with row and page overhead). */
    private static final String WRITE_CHUNK =
            "INSERT INTO " + FILLER + "(pad) SELECT repeat('x', 1000) FROM generate_series(1, 2000)";

    private static final long HEAVY_WRITES_BYTES = 96 * MIB;
    /** Two heartbeat intervals (10 s) and a running-xacts record (every 15 s) of writes at ~2 MiB/s, with room. */
    private static final long BOUND_BYTES = 48 * MIB;

    private static final Pattern STATUS_RETAINED = Pattern.compile("retains ([0-9.]+) MiB of WAL");

    @Test
    void theSlotKeepsOnlyABoundedTailOfWalWhileOnlyAnotherDatabaseWrites(LocalPlatform platform) throws Exception {
        new SeederClient(platform).stopDeltas();
        String slot = platform.env().require(PlatformVariable.DEBEZIUM_SLOT);
        List<String> samples = new ArrayList<>();
        try (Connection storefront = platform.storefrontDb();
                Connection analytics = platform.database(platform.env().require(PlatformVariable.ANALYTICS_DB));
                Statement writes = analytics.createStatement()) {
            await("slot " + slot + " active")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> slotState(storefront, slot).active());
            writes.execute("DROP TABLE IF EXISTS " + FILLER);
            writes.execute("CREATE TABLE " + FILLER + "(id bigserial, pad text)");
            long startLsnWritten = walWritten(storefront);
            try {
                // ~48 s of steady writes: enough that a slot left behind would hold twice the bound.
                while (walWritten(storefront) - startLsnWritten < HEAVY_WRITES_BYTES) {
                    writes.execute(WRITE_CHUNK);
                    samples.add(sample(storefront, slot));
                    Thread.sleep(1000);
                }
                // The other database keeps writing while the slot must catch up with the server's position.
                await("retained WAL of slot " + slot + " below " + BOUND_BYTES / MIB + " MiB")
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(
                                () -> {
                                    writes.execute(WRITE_CHUNK);
                                    samples.add(sample(storefront, slot));
                                    return slotState(storefront, slot);
                                },
                                state -> state.active() && state.retainedWalBytes() < BOUND_BYTES);
                long written = walWritten(storefront) - startLsnWritten;
                assertThat(written).as("WAL written meanwhile").isGreaterThan(2 * BOUND_BYTES);

                Result status = platform.platform("status");
                Matcher retained = STATUS_RETAINED.matcher(status.output());
                assertThat(retained.find())
                        .as("status shows the slot's retained WAL\n" + status.output())
                        .isTrue();
                assertThat(Double.parseDouble(retained.group(1)) * MIB)
                        .as("retained WAL as status shows it")
                        .isLessThan(BOUND_BYTES + 16 * MIB);
                assertThat(status.output()).contains(slot + ": active");
            } finally {
                System.out.println("Retained WAL of " + slot + " while only the analytics database wrote: " + samples);
                writes.execute("DROP TABLE IF EXISTS " + FILLER);
            }
        }
    }

    private static SlotState slotState(Connection storefront, String slot) throws SQLException {
        return ReplicationSlots.state(storefront, slot)
                .orElseThrow(() -> new AssertionError("no replication slot " + slot));
    }

    private static String sample(Connection storefront, String slot) throws SQLException {
        return slotState(storefront, slot).retainedWalBytes() / MIB + " MiB";
    }

    /** The server's current WAL position in bytes, to measure what was written between two reads. */
    private static long walWritten(Connection db) throws SQLException {
        try (Statement query = db.createStatement();
                var row = query.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
            row.next();
            return row.getLong(1);
        }
    }
}
