package dev.storefront.schemacache;

import io.apicurio.registry.resolver.DefaultSchemaResolver;
import io.apicurio.registry.resolver.SchemaLookupResult;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;

/**
 * Apicurio's default resolver, remembering what it resolved for each (topic, Avro schema) and for each id a record
 * read names (see {@link #resolveSchemaByArtifactReference}). With auto-register on, Apicurio 2.6's own resolver
 * misses its cache by coordinates and writes the whole Avro schema out as JSON on every record to look it up by
 * content (Apicurio issue 2483): measured here, 40 % of Debezium's task thread and most of the Connect worker's
 * garbage. A new schema (a table changed) is a new key, so it still gets registered.
 *
 * <p>With {@link #OUTAGE_WAIT_MS} set, a lookup also waits out a registry that does not answer for a while (restarting,
 * or its database restarting) instead of failing at once: Apicurio 2.6 retries only a rate-limited call.
 *
 * <p>Set {@code apicurio.registry.schema-resolver} to this class on a serializer, deserializer or converter.
 */
public class SchemaCachingResolver<T> extends DefaultSchemaResolver<Schema, T> {

    /** Topics x schema versions (or ids) seen by one serde; far below this unless schemas churn, then start over. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * How long a lookup waits for a registry that does not answer (no connection, or a 5xx) before it fails, in
     * milliseconds; 0 (the default) fails at once. A refusal (4xx) always fails at once.
     */
    public static final String OUTAGE_WAIT_MS = "storefront.registry.outage-wait-ms";

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final Map<Key, SchemaLookupResult<Schema>> resolved = new ConcurrentHashMap<>();
    private final Map<Id, SchemaLookupResult<Schema>> byId = new ConcurrentHashMap<>();
    private Duration outageWait = Duration.ZERO;

    /**
     * Looked up for every record written. Avro schemas cache their hash, and Connect's converter hands out the same
     * instance per schema, so equality is an identity check first. Not a record: a record's equals runs through method
     * handles, which JFR caught on Connect's task thread before the JIT had inlined them.
     */
    private static final class Key {
        private final String topic;
        private final Schema schema;
        private final int hash;

        Key(String topic, Schema schema) {
            this.topic = topic;
            this.schema = schema;
            this.hash = 31 * Objects.hashCode(topic) + schema.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && hash == key.hash
                    && (schema == key.schema || schema.equals(key.schema))
                    && Objects.equals(topic, key.topic);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** What a record names its schema by when it is read: each names one registered content forever. */
    private record Id(Long contentId, String contentHash, Long globalId) {

        static Id of(ArtifactReference reference) {
            return reference.getContentId() == null
                            && reference.getContentHash() == null
                            && reference.getGlobalId() == null
                    ? null
                    : new Id(reference.getContentId(), reference.getContentHash(), reference.getGlobalId());
        }
    }

    @Override
    public void configure(Map<String, ?> configs, SchemaParser<Schema, T> schemaParser) {
        super.configure(configs, schemaParser);
        Object wait = configs.get(OUTAGE_WAIT_MS);
        if (wait != null) {
            outageWait = Duration.ofMillis(Long.parseLong(wait.toString().strip()));
        }
    }

    /**
     * The schema a record read names, by id: looked up once and kept, since a content id, content hash or global id
     * never names other content. Apicurio's own cache expires each entry after {@code apicurio.registry.check-period-ms}
     * (30 s) and looks it up again on the calling thread: in the pipeline at 500 ops/s the stream threads blocked on
     * such lookups 16-17 times in 26 s for 21-144 ms each (JFR). A reference by coordinates (a group, an artifact, a
     * version or the latest) may name newer content later, so it still goes to Apicurio's cache.
     */
    @Override
    public SchemaLookupResult<Schema> resolveSchemaByArtifactReference(ArtifactReference reference) {
        Id id = Id.of(reference);
        if (id == null) {
            return waitingOutOutages(() -> super.resolveSchemaByArtifactReference(reference));
        }
        return remembered(byId, id, () -> super.resolveSchemaByArtifactReference(reference));
    }

    @Override
    public SchemaLookupResult<Schema> resolveSchema(Record<T> data) {
        if (!(data.metadata() instanceof KafkaSerdeMetadata metadata)
                || !(data.payload() instanceof GenericContainer container)) {
            return waitingOutOutages(() -> super.resolveSchema(data));
        }
        return remembered(
                resolved, new Key(metadata.getTopic(), container.getSchema()), () -> super.resolveSchema(data));
    }

    /** The result kept for {@code key}, else {@code lookup}'s (waiting out outages), then kept. */
    private <K> SchemaLookupResult<Schema> remembered(
            Map<K, SchemaLookupResult<Schema>> cache, K key, Supplier<SchemaLookupResult<Schema>> lookup) {
        SchemaLookupResult<Schema> known = cache.get(key);
        if (known != null) {
            return known;
        }
        SchemaLookupResult<Schema> result = waitingOutOutages(lookup);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, result);
        return result;
    }

    /** The lookup, tried again with a growing pause while the registry does not answer, until the outage wait ends. */
    private <R> R waitingOutOutages(Supplier<R> lookup) {
        long deadline = System.nanoTime() + outageWait.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return lookup.get();
            } catch (RuntimeException e) {
                if (!unavailable(e) || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /**
     * The registry's client failed for want of an answer: no connection (Apicurio's client reports an I/O failure
     * without an HTTP code) or a server error, also when the cache wrapped it.
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RestClientException e) {
                Integer code = e.getError() == null ? null : e.getError().getErrorCode();
                return code == null || code >= 500;
            }
        }
        return false;
    }

    @Override
    public void reset() {
        resolved.clear();
        byId.clear();
        super.reset();
    }
}
