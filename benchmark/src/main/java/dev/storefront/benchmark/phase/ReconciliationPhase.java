package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.contract.run.Command.Result;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation: figures are only worth something if the outputs are right. After the last phase, `platform
 * verify` (the reconciliation module, as a user runs it) is repeated until every output of the benchmarked platform
 * matches PostgreSQL, or the settle time has passed; the phase fails with verify's report otherwise.
 */
public final class ReconciliationPhase {

    public static final String NAME = "Reconciliation";

    private static final Duration PAUSE = Duration.ofSeconds(5);

    private ReconciliationPhase() {}

    public static PhaseResult run(BenchContext ctx) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + ctx.size().settleTimeout.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            Result verify = ctx.platform().verify();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> report = verify.output().lines().toList();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("attempts", attempts);
            facts.put("seconds", Math.round(seconds * 10) / 10.0);
            if (verify.exitCode() == 0) {
                progress(String.format(
                        "reconciliation: every output matches PostgreSQL (%.1f s, %d runs)", seconds, attempts));
                return new PhaseResult(NAME, List.of(), facts, report, null);
            }
            if (System.nanoTime() > deadline) {
                return new PhaseResult(
                        NAME,
                        List.of(),
                        facts,
                        report,
                        "`platform verify` still finds differences after " + Math.round(seconds) + " s (exit "
                                + verify.exitCode() + "): see its report below");
            }
            progress("reconciliation: not all outputs match yet (exit " + verify.exitCode() + "), verifying again");
            Thread.sleep(PAUSE.toMillis());
        }
    }
}
