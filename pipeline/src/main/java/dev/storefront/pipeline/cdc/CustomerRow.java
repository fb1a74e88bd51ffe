package dev.storefront.pipeline.cdc;

import org.apache.avro.generic.GenericRecord;

/** The columns of a customers row the outputs use. */
public record CustomerRow(long id, String fullName, String email, String country, SourcePosition position) {

    static CustomerRow of(GenericRecord row, SourcePosition position) {
        return new CustomerRow(AvroFields.longValue(row, "id"), AvroFields.string(row, "full_name"),
                AvroFields.string(row, "email"), AvroFields.string(row, "country"), position);
    }
}
