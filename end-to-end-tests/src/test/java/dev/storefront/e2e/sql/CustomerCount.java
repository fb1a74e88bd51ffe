package dev.storefront.e2e.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an interactive SQL session is asked to prove it reads the CDC topics: the customers it counts. */
public final class CustomerCount {

    /**
     * Typed into the session: a bounded count of the customers table, then QUIT. Mini-batches fold the count's updates
     * (each customer update retracts and adds): a short table.
     */
    public static final String SESSION_INPUT = """
            SET 'table.exec.mini-batch.enabled' = 'true';
            SET 'table.exec.mini-batch.allow-latency' = '1 s';
            SET 'table.exec.mini-batch.size' = '100000';
            SELECT COUNT(*) AS n
            FROM customers /*+ OPTIONS('scan.bounded.mode' = 'latest-offset') */;
            QUIT;
            """;

    /** A row of the count's changelog as the client prints it: | +I | 42 |. */
    private static final Pattern COUNT_ROW = Pattern.compile("\\|\\s*[+][IU]\\s*\\|\\s*(\\d+)\\s*\\|");

    private CustomerCount() {}

    /** Asserts the session ended cleanly and the count it printed last is PostgreSQL's. */
    public static void assertSessionCountedWhatPostgresHolds(LocalPlatform platform, Result session)
            throws SQLException {
        assertThat(session.exitCode()).as(session.output()).isZero();
        Matcher counts = COUNT_ROW.matcher(session.output());
        long last = -1;
        while (counts.find()) {
            last = Long.parseLong(counts.group(1));
        }
        assertThat(last)
                .as("the count the session printed last:%n%s", session.output())
                .isEqualTo(inPostgres(platform));
    }

    private static long inPostgres(LocalPlatform platform) throws SQLException {
        try (Connection db = platform.storefrontDb();
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM customers")) {
            row.next();
            return row.getLong(1);
        }
    }
}
