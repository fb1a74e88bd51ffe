package dev.storefront.pipeline.testing;

import dev.storefront.pipeline.serde.PipelineSerdes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Registry-free Avro serdes for topology tests. Outputs are plain Avro binary with the generated class's fixed
 * schema; the CDC records, whose schema differs per topic, carry it along (Avro's object container format),
 * as the registry id does in the app.
 */
public final class AvroBinarySerdes implements PipelineSerdes {

    @Override
    public Serde<GenericRecord> cdcKey() {
        return selfDescribing();
    }

    @Override
    public Serde<GenericRecord> cdcValue() {
        return selfDescribing();
    }

    @Override
    public <T extends SpecificRecord> Serde<T> outputKey(Class<T> type) {
        return specific(type);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> outputValue(Class<T> type) {
        return specific(type);
    }

    private static Serde<GenericRecord> selfDescribing() {
        return Serdes.serdeFrom(
                (topic, record) -> {
                    if (record == null) {
                        return null;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try (DataFileWriter<GenericRecord> writer =
                            new DataFileWriter<>(new GenericDatumWriter<>(record.getSchema()))) {
                        writer.create(record.getSchema(), out);
                        writer.append(record);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try (DataFileStream<GenericRecord> in =
                            new DataFileStream<>(new ByteArrayInputStream(bytes), new GenericDatumReader<>())) {
                        return in.next();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static <T extends SpecificRecord> Serde<T> specific(Class<T> type) {
        Schema schema = SpecificData.get().getSchema(type);
        return Serdes.serdeFrom(
                (topic, record) -> {
                    if (record == null) {
                        return null;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                    try {
                        new SpecificDatumWriter<T>(schema).write(record, encoder);
                        encoder.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                },
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
                    try {
                        return new SpecificDatumReader<T>(schema).read(null, decoder);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
