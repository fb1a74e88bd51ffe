package dev.storefront.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbTest {

    @Test
    void everyStoreGetsTheSharedBudget() {
        try (Options first = new Options();
                Options second = new Options()) {
            // Kafka Streams hands the setter options that already have a block-based table config.
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            BoundedRocksDb setter = new BoundedRocksDb();
            setter.setConfig("orders", first, Map.of());
            setter.setConfig("customers", second, Map.of());

            assertThat(first.writeBufferSize()).isEqualTo(4L * 1024 * 1024);
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).cacheIndexAndFilterBlocks())
                    .isTrue();
            assertThat(((BlockBasedTableConfig) second.tableFormatConfig()).pinTopLevelIndexAndFilter())
                    .isTrue();
        }
    }
}
