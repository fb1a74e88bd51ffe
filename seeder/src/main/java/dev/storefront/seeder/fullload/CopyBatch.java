package dev.storefront.seeder.fullload;

import java.util.EnumMap;
import java.util.Map;

/** The rows of one batch, per table: committed together in one transaction. */
final class CopyBatch {

    private final Map<CopyTable, CopyBuffer> buffers = new EnumMap<>(CopyTable.class);
    private final int entities;

    /** @param entities the customers, products or orders in the batch (items and payments come with orders) */
    CopyBatch(int entities) {
        this.entities = entities;
    }

    CopyBuffer rows(CopyTable table) {
        return buffers.computeIfAbsent(table, t -> new CopyBuffer());
    }

    /** The buffers in FK order (enum order), so referenced rows are copied first. */
    Map<CopyTable, CopyBuffer> tables() {
        return buffers;
    }

    int entities() {
        return entities;
    }
}
