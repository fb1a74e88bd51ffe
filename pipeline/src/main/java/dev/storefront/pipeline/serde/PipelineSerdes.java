package dev.storefront.pipeline.serde;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The Avro serdes of the topics the pipeline reads and writes. The app uses the registry's
 * ({@link RegistrySerdes}); topology tests pass registry-free ones, so the topologies never know which.
 */
public interface PipelineSerdes {

    /** Debezium's record keys ({@code {id}} of a row, {@code {prefix}} of a message). */
    Serde<GenericRecord> cdcKey();

    /** Debezium's change envelopes ({@code before, after, source, op, ts_ms} or {@code message}). */
    Serde<GenericRecord> cdcValue();

    /** An output's key, of a class generated from src/main/avro. */
    <T extends SpecificRecord> Serde<T> outputKey(Class<T> type);

    /** An output's value, of a class generated from src/main/avro. */
    <T extends SpecificRecord> Serde<T> outputValue(Class<T> type);
}
