package dev.storefront.flinksql.submit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the session's sinks write to, made to exist before a job writes them, as the Streams pipeline and the JDBC sink
 * connectors do for theirs: the topic of each upsert-kafka table (the broker creates none on its own; compacted, as a
 * changelog keyed by the primary key is; partitions as the CDC topics have) and the PostgreSQL table of each jdbc
 * table (columns and primary key from its declaration; an existing table is left as it is).
 */
final class SinkTargets {

    private SinkTargets() {}

    static void ensure(TableEnvironment tables, String bootstrap, int partitions, PrintStream out)
            throws SqlFileException, InterruptedException {
        List<String> topics = new ArrayList<>();
        for (String table : tables.listTables()) {
            Map<String, String> options = options(tables, table);
            if ("upsert-kafka".equals(options.get("connector")) && options.containsKey("topic")) {
                topics.add(options.get("topic"));
            } else if ("jdbc".equals(options.get("connector"))) {
                createTable(table, options, tables.from(table).getResolvedSchema(), out);
            }
        }
        createTopics(topics, bootstrap, partitions, out);
    }

    private static Map<String, String> options(TableEnvironment tables, String table) {
        Catalog catalog = tables.getCatalog(tables.getCurrentCatalog()).orElseThrow();
        try {
            CatalogBaseTable declared = catalog.getTable(new ObjectPath(tables.getCurrentDatabase(), table));
            return declared.getOptions();
        } catch (TableNotExistException e) {
            return Map.of(); // a temporary table or view: nothing to create
        }
    }

    private static void createTopics(List<String> wanted, String bootstrap, int partitions, PrintStream out)
            throws InterruptedException {
        if (wanted.isEmpty()) {
            return;
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = wanted.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                out.println("Created the topics "
                        + missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the sink topics " + wanted + ": " + e.getCause(), e);
        }
    }

    private static void createTable(String table, Map<String, String> options, ResolvedSchema schema, PrintStream out)
            throws SqlFileException {
        String target = options.getOrDefault("table-name", table);
        String ddl = "CREATE TABLE IF NOT EXISTS " + target + " (" + columns(table, schema) + ")";
        try (Connection db = DriverManager.getConnection(
                        options.get("url"), options.get("username"), options.get("password"));
                Statement statement = db.createStatement()) {
            boolean existed =
                    db.getMetaData().getTables(null, null, target, null).next();
            statement.execute(ddl);
            if (!existed) {
                out.println("Created the table " + target + " (" + options.get("url") + ")");
            }
        } catch (SQLException e) {
            throw new SqlFileException(
                    "Cannot create the table " + target + " of the jdbc table " + table + ": " + e.getMessage(), e);
        }
    }

    private static String columns(String table, ResolvedSchema schema) throws SqlFileException {
        List<String> columns = new ArrayList<>();
        for (Column column : schema.getColumns()) {
            if (!column.isPhysical()) {
                continue;
            }
            LogicalType type = column.getDataType().getLogicalType();
            columns.add(column.getName() + " " + postgresType(table, column.getName(), type)
                    + (type.isNullable() ? "" : " NOT NULL"));
        }
        schema.getPrimaryKey()
                .map(UniqueConstraint::getColumns)
                .ifPresent(key -> columns.add("PRIMARY KEY (" + key.stream().collect(Collectors.joining(", ")) + ")"));
        return String.join(", ", columns);
    }

    private static String postgresType(String table, String column, LogicalType type) throws SqlFileException {
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> "text";
            case BOOLEAN -> "boolean";
            case TINYINT, SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case DECIMAL ->
                "numeric(" + ((DecimalType) type).getPrecision() + ", " + ((DecimalType) type).getScale() + ")";
            case DATE -> "date";
            case TIMESTAMP_WITHOUT_TIME_ZONE -> "timestamp(" + Math.min(6, ((TimestampType) type).getPrecision()) + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "timestamptz";
            default ->
                throw new SqlFileException("The jdbc table " + table + " has column " + column + " of type " + type
                        + ", which the layer does not create in PostgreSQL: create the table yourself");
        };
    }
}
