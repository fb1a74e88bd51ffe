package dev.storefront.pipeline.cdc;

import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/** The columns of a products row the outputs use (not price: facts carry the price at purchase). */
public record ProductRow(long id, String name, String category, SourcePosition position) {

    /** Name and category equal: a price or stock change, which no output reads. */
    public boolean sameContent(ProductRow other) {
        return Objects.equals(name, other.name) && Objects.equals(category, other.category);
    }

    static ProductRow of(GenericRecord row, SourcePosition position) {
        return new ProductRow(
                AvroFields.longValue(row, "id"),
                AvroFields.string(row, "name"),
                AvroFields.string(row, "category"),
                position);
    }
}
