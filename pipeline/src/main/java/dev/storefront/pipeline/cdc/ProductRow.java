package dev.storefront.pipeline.cdc;

import org.apache.avro.generic.GenericRecord;

/** The columns of a products row the outputs use (not price: facts carry the price at purchase). */
public record ProductRow(long id, String name, String category, SourcePosition position) {

    static ProductRow of(GenericRecord row, SourcePosition position) {
        return new ProductRow(AvroFields.longValue(row, "id"), AvroFields.string(row, "name"),
                AvroFields.string(row, "category"), position);
    }
}
