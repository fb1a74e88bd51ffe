package dev.storefront.source;

import io.debezium.connector.postgresql.PostgresConnector;
import org.apache.kafka.connect.connector.Task;

/**
 * Debezium's PostgreSQL connector, configured and validated as Debezium's, with {@link CommitOnRecordsTask} as its
 * task: the platform's source (connectors/storefront-postgres-source.template.json).
 */
public class CommitOnRecordsPostgresConnector extends PostgresConnector {

    @Override
    public Class<? extends Task> taskClass() {
        return CommitOnRecordsTask.class;
    }
}
