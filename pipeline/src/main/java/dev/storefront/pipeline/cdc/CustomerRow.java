package dev.storefront.pipeline.cdc;

import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/** The columns of a customers row the outputs use. */
public record CustomerRow(long id, String fullName, String email, String country, SourcePosition position) {

    /** Name, email and country equal: a move within the country (street, city), which no output reads. */
    public boolean sameContent(CustomerRow other) {
        return Objects.equals(fullName, other.fullName)
                && Objects.equals(email, other.email)
                && Objects.equals(country, other.country);
    }

    static CustomerRow of(GenericRecord row, SourcePosition position) {
        return new CustomerRow(
                AvroFields.longValue(row, "id"),
                AvroFields.string(row, "full_name"),
                AvroFields.string(row, "email"),
                AvroFields.string(row, "country"),
                position);
    }
}
