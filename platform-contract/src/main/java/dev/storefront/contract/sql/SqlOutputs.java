package dev.storefront.contract.sql;

/**
 * Where the SQL layer's shipped jobs write ({@code flink-sql/jobs/*.sql}, their sinks declared in the layer's catalog
 * and the revenue job's table): what {@code verify} reads. A test of the flink-sql module keeps the SQL in step.
 */
public record SqlOutputs(String topicPrefix) {

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
