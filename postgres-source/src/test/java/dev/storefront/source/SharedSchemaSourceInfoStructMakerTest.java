package dev.storefront.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.PostgresOffsetContext;
import io.debezium.connector.postgresql.PostgresSourceInfoStructMaker;
import io.debezium.relational.TableId;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class SharedSchemaSourceInfoStructMakerTest {

    private static PostgresConnectorConfig config(String structMaker) {
        return new PostgresConnectorConfig(Configuration.create()
                .with("topic.prefix", "storefront")
                .with("database.dbname", "storefront")
                .with("sourceinfo.struct.maker", structMaker)
                .build());
    }

    @Test
    void twoConfigsOfOneConnectorGiveTheSourceBlockOneSchemaInstance() {
        String ours = SharedSchemaSourceInfoStructMaker.class.getName();
        // What Debezium's task does: one config in preStart (the table schemas), one in start (the events' source).
        PostgresConnectorConfig preStart = config(ours);
        PostgresConnectorConfig start = config(ours);

        assertThat(start.getSourceInfoStructMaker()).isInstanceOf(SharedSchemaSourceInfoStructMaker.class);
        assertThat(start.getSourceInfoStructMaker().schema())
                .isSameAs(preStart.getSourceInfoStructMaker().schema());
        PostgresOffsetContext offset = new PostgresOffsetContext.Loader(start).load(Map.of("lsn", 100L));
        offset.event(new TableId("storefront", "public", "payments"), Instant.EPOCH);
        Struct struct = offset.getSourceInfo();
        assertThat(struct.schema()).isSameAs(preStart.getSourceInfoStructMaker().schema());
        assertThat(struct.getString("table")).isEqualTo("payments");

        String debeziums = PostgresSourceInfoStructMaker.class.getName();
        assertThat(config(debeziums).getSourceInfoStructMaker().schema())
                .as("Debezium's own maker: equal schemas, two instances")
                .isEqualTo(config(debeziums).getSourceInfoStructMaker().schema())
                .isNotSameAs(config(debeziums).getSourceInfoStructMaker().schema())
                .isEqualTo(struct.schema());
    }
}
