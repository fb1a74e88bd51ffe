package dev.storefront.pipeline.cdc;

/**
 * Where a change came from: its WAL position (Debezium's {@code source.lsn}) and commit time
 * ({@code source.ts_ms}). Derived records carry the latest position of the rows they were made of and of the change
 * that made them.
 */
public record SourcePosition(long lsn, long tsMs) {

    public static SourcePosition latest(SourcePosition a, SourcePosition b) {
        return b.lsn > a.lsn ? b : a;
    }
}
