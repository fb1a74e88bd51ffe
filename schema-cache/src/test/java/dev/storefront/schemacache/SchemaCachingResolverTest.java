package dev.storefront.schemacache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apicurio.registry.resolver.ParsedSchema;
import io.apicurio.registry.resolver.SchemaParser;
import io.apicurio.registry.resolver.data.Record;
import io.apicurio.registry.rest.client.RegistryClient;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.rest.v2.beans.ArtifactMetaData;
import io.apicurio.registry.rest.v2.beans.Error;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSchemaParser;
import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import io.apicurio.registry.serde.data.KafkaSerdeMetadata;
import io.apicurio.registry.serde.data.KafkaSerdeRecord;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a fake registry client that records each registration, as the real one would send it, or fails it. */
class SchemaCachingResolverTest {

    private static final Schema V1 =
            SchemaBuilder.record("Payment").fields().requiredLong("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Payment")
            .fields()
            .requiredLong("id")
            .optionalString("status")
            .endRecord();

    private final List<String> registrations = new ArrayList<>();
    /** The next calls the fake registry fails, as the real client reports them. */
    private final List<RestClientException> failures = new ArrayList<>();
    /** How often the resolver wrote a schema out to look it up: what the cache saves on every record. */
    private final AtomicInteger schemasWrittenOut = new AtomicInteger();
    /** What the fake registry holds by content id, and the content ids it was asked for. */
    private final Map<Long, String> registered = new HashMap<>();

    private final List<Long> contentLookups = new ArrayList<>();

    private SchemaCachingResolver<Object> resolver;
    private AvroKafkaSerializer<Object> serializer;

    /** The serializer as the converter configures it: auto-register, topic-named artifacts, content ids. */
    @BeforeEach
    void configure() {
        resolver = new SchemaCachingResolver<>();
        serializer = new AvroKafkaSerializer<>(fakeRegistry(), new TopicIdStrategy<>(), resolver) {
            private final AvroSchemaParser<Object> parser = new AvroSchemaParser<>(new DefaultAvroDatumProvider<>()) {
                @Override
                public ParsedSchema<Schema> getSchemaFromData(Record<Object> data, boolean dereference) {
                    schemasWrittenOut.incrementAndGet();
                    return super.getSchemaFromData(data, dereference);
                }
            };

            @Override
            public SchemaParser<Schema, Object> schemaParser() {
                return parser;
            }
        };
        serializer.configure(
                Map.of(
                        "apicurio.registry.url",
                        "http://registry.invalid",
                        "apicurio.registry.auto-register",
                        "true",
                        "apicurio.registry.find-latest",
                        "true",
                        "apicurio.registry.as-confluent",
                        "true",
                        "apicurio.registry.use-id",
                        "contentId",
                        "apicurio.registry.headers.enabled",
                        "false",
                        SchemaCachingResolver.OUTAGE_WAIT_MS,
                        "1000"),
                false);
    }

    @Test
    void registersEachSchemaOfATopicOnce() {
        byte[] first = serializer.serialize("payments", value(V1, 1));
        byte[] again = serializer.serialize("payments", value(V1, 2));

        assertThat(registrations).containsExactly("payments-value");
        assertThat(schemasWrittenOut).hasValue(1);
        assertThat(contentId(again)).isEqualTo(contentId(first)).isEqualTo(101);
    }

    @Test
    void serializesWithTheRegisteredSchema() throws Exception {
        byte[] bytes = serializer.serialize("payments", value(V1, 7));

        GenericRecord back = new GenericDatumReader<GenericRecord>(V1)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(back.get("id")).isEqualTo(7L);
    }

    @Test
    void aChangedSchemaIsRegisteredAsANewVersion() {
        long v1 = resolver.resolveSchema(record("payments", V1, 1)).getContentId();
        long v2 = resolver.resolveSchema(record("payments", V2, 2)).getContentId();

        assertThat(registrations).containsExactly("payments-value", "payments-value");
        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void resetForgetsWhatWasResolved() {
        resolver.resolveSchema(record("payments", V1, 1));
        resolver.reset();
        resolver.resolveSchema(record("payments", V1, 1));

        assertThat(registrations).hasSize(2);
    }

    @Test
    void aRegistryThatDoesNotAnswerForAWhileIsWaitedOut() {
        failures.add(failure(null, "ConnectException"));
        failures.add(failure(500, "PSQLException"));

        long contentId = resolver.resolveSchema(record("payments", V1, 1)).getContentId();

        assertThat(failures).isEmpty();
        assertThat(registrations).containsExactly("payments-value");
        assertThat(contentId).isEqualTo(101);
    }

    @Test
    void aRefusalFailsAtOnce() {
        RestClientException conflict = failure(409, "RuleViolationException");
        failures.add(conflict);

        assertThatThrownBy(() -> resolver.resolveSchema(record("payments", V1, 1)))
                .isSameAs(conflict);
        assertThat(registrations).isEmpty();
    }

    @Test
    void anOutageLongerThanTheWaitFails() {
        for (int i = 0; i < 100; i++) {
            failures.add(failure(null, "ConnectException"));
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> resolver.resolveSchema(record("payments", V1, 1)))
                .isInstanceOf(RestClientException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(registrations).isEmpty();
    }

    @Test
    void aSchemaReadByItsContentIdIsLookedUpOnceEvenAfterApicuriosCacheExpires() throws Exception {
        byte[] bytes = serializer.serialize("payments", value(V1, 3));
        SchemaCachingResolver<GenericRecord> reading = new SchemaCachingResolver<>();
        reading.setClient(fakeRegistry());
        AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>();
        deserializer.setSchemaResolver(reading);
        deserializer.configure(
                Map.of(
                        "apicurio.registry.url",
                        "http://registry.invalid",
                        "apicurio.registry.as-confluent",
                        "true",
                        "apicurio.registry.use-id",
                        "contentId",
                        // Apicurio's own cache would look the content up again on the next record.
                        "apicurio.registry.check-period-ms",
                        "1"),
                false);

        GenericRecord first = deserializer.deserialize("payments", bytes);
        Thread.sleep(20);
        GenericRecord again = deserializer.deserialize("payments", bytes);

        assertThat(contentLookups).containsExactly(101L);
        assertThat(first.get("id")).isEqualTo(3L);
        assertThat(again).isEqualTo(first);
    }

    private static RestClientException failure(Integer code, String name) {
        Error error = new Error();
        error.setErrorCode(code);
        error.setName(name);
        return new RestClientException(error);
    }

    private static KafkaSerdeRecord<Object> record(String topic, Schema schema, long id) {
        return new KafkaSerdeRecord<>(new KafkaSerdeMetadata(topic, false, null), value(schema, id));
    }

    private static GenericRecord value(Schema schema, long id) {
        GenericRecord value = new GenericData.Record(schema);
        value.put("id", id);
        return value;
    }

    /** Bytes 1-4 of the framing: 0x00, then the 4-byte id. */
    private static int contentId(byte[] bytes) {
        assertThat(bytes[0]).isZero();
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    /** Answers createArtifact with a new content id per call; any other call fails the test. */
    private RegistryClient fakeRegistry() {
        return (RegistryClient) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RegistryClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getArtifactReferencesByContentId")) {
                        return List.of();
                    }
                    if (method.getName().equals("getContentById")) {
                        contentLookups.add((Long) args[0]);
                        return new ByteArrayInputStream(registered.get(args[0]).getBytes(UTF_8));
                    }
                    if (!method.getName().equals("createArtifact")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (!failures.isEmpty()) {
                        throw failures.remove(0);
                    }
                    registrations.add((String) args[1]);
                    ArtifactMetaData metadata = new ArtifactMetaData();
                    metadata.setGroupId("default");
                    metadata.setId((String) args[1]);
                    metadata.setVersion(String.valueOf(registrations.size()));
                    metadata.setGlobalId((long) registrations.size());
                    metadata.setContentId(100L + registrations.size());
                    InputStream content = (InputStream) Arrays.stream(args)
                            .filter(InputStream.class::isInstance)
                            .findFirst()
                            .orElseThrow();
                    registered.put(metadata.getContentId(), new String(content.readAllBytes(), UTF_8));
                    return metadata;
                });
    }
}
