package dev.storefront.flinksql.submit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of the session's upsert-kafka tables, created before a job writes them: the broker creates no topic on
 * its own. Compacted, as a changelog keyed by the table's primary key is; partitions as the CDC topics have.
 */
final class SinkTopics {

    private SinkTopics() {}

    static void ensure(TableEnvironment tables, String bootstrap, int partitions, PrintStream out)
            throws InterruptedException {
        List<String> wanted = upsertTopics(tables);
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
                out.println("Created " + missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the sink topics " + wanted + ": " + e.getCause(), e);
        }
    }

    private static List<String> upsertTopics(TableEnvironment tables) {
        Catalog catalog = tables.getCatalog(tables.getCurrentCatalog()).orElseThrow();
        List<String> topics = new ArrayList<>();
        for (String table : tables.listTables()) {
            try {
                CatalogBaseTable declared = catalog.getTable(new ObjectPath(tables.getCurrentDatabase(), table));
                Map<String, String> options = declared.getOptions();
                if ("upsert-kafka".equals(options.get("connector")) && options.containsKey("topic")) {
                    topics.add(options.get("topic"));
                }
            } catch (TableNotExistException e) {
                // a temporary table or a view: not in the catalog, nothing to create
            }
        }
        return topics;
    }
}
