package dev.storefront.platform.sql;

import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.Probes;
import java.util.List;

/**
 * The SQL layer (optional): a Flink mini-cluster in its own JVM, REST API and web UI on FLINK_PORT; it writes the SQL
 * client's config.yaml at start, and submits again the jobs it ran before it stopped (a mini-cluster forgets them).
 */
public final class FlinkSqlComponent extends ProcessComponent {

    public static final String NAME = "flink-sql";
    /** What the mini-cluster may hold resident with the three shipped jobs running (`status` shows it beside). */
    public static final int MEMORY_BUDGET_MB = 1024;

    public FlinkSqlComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        return java().jar(layout.flinkSqlJar())
                .args(
                        "cluster",
                        "--data-dir",
                        layout.dataDir(NAME).toString(),
                        "--client-conf",
                        layout.flinkSqlClientConf().toString(),
                        "--jobs-dir",
                        layout.flinkSqlJobsDir().toString())
                .toList();
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpOk(endpoint() + "/overview");
    }

    @Override
    public String endpoint() {
        return layout.endpoints().flinkUrl();
    }
}
