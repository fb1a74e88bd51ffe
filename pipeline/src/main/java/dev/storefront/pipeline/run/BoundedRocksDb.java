package dev.storefront.pipeline.run;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all the pipeline's RocksDB stores (Kafka Streams' bounded-memory recipe): by default each
 * of its ~15 stores would take its own block cache and memtables, hundreds of MB off-heap beyond -Xmx, too much
 * for a laptop running the whole platform.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    private static final long TOTAL_OFF_HEAP_BYTES = 64L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final long MEMTABLE_SIZE = 4L * 1024 * 1024;
    private static final double INDEX_FILTER_BLOCK_RATIO = 0.1;

    static {
        // Kafka Streams loads this class while parsing its configuration, before it opens (and loads) RocksDB.
        RocksDB.loadLibrary();
    }

    /** Shared by every store of the process, so never closed by one of them. */
    private static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, INDEX_FILTER_BLOCK_RATIO);

    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager outlive any one store.
    }
}
