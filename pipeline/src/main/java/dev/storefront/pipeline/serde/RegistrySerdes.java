package dev.storefront.pipeline.serde;

import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Apicurio Registry's Avro serdes with the converter's id settings (Confluent framing, content ids). */
public final class RegistrySerdes implements PipelineSerdes {

    private final Map<String, Object> config;
    private final Serde<GenericRecord> cdcKey;
    private final Serde<GenericRecord> cdcValue;

    /** @param config the {@code apicurio.registry.*} settings ({@code serde.*} of application.properties) */
    public RegistrySerdes(Map<String, Object> config) {
        this.config = Map.copyOf(config);
        // One pair for every CDC topic: the registry client and its schema cache are shared.
        this.cdcKey = serde(true, false);
        this.cdcValue = serde(false, false);
    }

    @Override
    public Serde<GenericRecord> cdcKey() {
        return cdcKey;
    }

    @Override
    public Serde<GenericRecord> cdcValue() {
        return cdcValue;
    }

    @Override
    public <T extends SpecificRecord> Serde<T> outputKey(Class<T> type) {
        return serde(true, true);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> outputValue(Class<T> type) {
        return serde(false, true);
    }

    private <T> Serde<T> serde(boolean isKey, boolean specific) {
        Map<String, Object> settings = new HashMap<>(config);
        // Outputs read back (by verify) as their generated classes, CDC records as generic records.
        settings.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, specific);
        settings.put(SerdeConfig.IS_KEY, isKey);
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(settings, isKey);
        return serde;
    }
}
