package dev.storefront.contract.sql;

import java.util.List;

/**
 * The SQL layer's shipped jobs ({@code flink-sql/jobs/*.sql}) and where they write (sinks declared in the layer's
 * catalog, and the revenue job's table): what {@code verify} reads while their jobs run. A test of the flink-sql
 * module keeps the SQL in step.
 */
public record SqlOutputs(String topicPrefix) {

    /** The shipped jobs' files, whose names are their jobs' ({@link FlinkJobs#jobName}). */
    public static final String FACTS_JOB = "order-facts.sql";

    public static final String REVENUE_JOB = "revenue-by-category-country.sql";
    public static final String OUTBOX_JOB = "outbox-orders.sql";
    /** Every shipped job's file. */
    public static final List<String> JOB_FILES = List.of(FACTS_JOB, REVENUE_JOB, OUTBOX_JOB);
    /** Where the shipped jobs are, from the repository root. */
    public static final String JOBS_DIR = "flink-sql/jobs";

    /** The analytics database's table the revenue job upserts into. */
    public static final String REVENUE_TABLE = "sql_revenue_by_category_country";

    public String revenueTopic() {
        return topicPrefix + ".sql.revenue_by_category_country";
    }

    public String factsTopic() {
        return topicPrefix + ".sql.order_facts";
    }

    public String orderOutputTopic() {
        return topicPrefix + ".sql.order_output";
    }
}
