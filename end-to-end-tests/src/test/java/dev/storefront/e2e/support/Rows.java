package dev.storefront.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * Rows from PostgreSQL and row images from Avro, normalized to the same Java values (Long, String, BigDecimal,
 * Instant) so they compare with equals: numerics through Avro's decimal conversion, never via double.
 */
public final class Rows {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private Rows() {}

    /** Every row of {@code table}, by id, with every column. */
    public static Map<Long, Map<String, Object>> fromTable(Connection connection, String table) throws SQLException {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), normalize(rs.getObject(i)));
                }
                rows.put(((Number) row.get("id")).longValue(), row);
            }
        }
        return rows;
    }

    /** An Avro row image (Debezium's before/after) as a column map. */
    public static Map<String, Object> fromAvro(GenericRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.name());
            Schema schema = nonNull(field.schema());
            if (value instanceof ByteBuffer bytes && schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
                value = DECIMALS.fromBytes(bytes.duplicate(), schema, decimal);
            }
            row.put(field.name(), normalize(value));
        }
        return row;
    }

    /** A row image as `./platform tail` prints it (JSON numbers exact, timestamps as text) as a column map. */
    public static Map<String, Object> fromJson(JsonNode image) {
        Map<String, Object> row = new LinkedHashMap<>();
        image.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            Object plain;
            if (value.isNull()) {
                plain = null;
            } else if (value.isIntegralNumber()) {
                plain = value.longValue();
            } else if (value.isNumber()) {
                plain = value.decimalValue();
            } else if (value.isBoolean()) {
                plain = value.booleanValue();
            } else {
                plain = value.asText();
            }
            row.put(field.getKey(), normalize(plain));
        });
        return row;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream()
                .filter(s -> s.getType() != Schema.Type.NULL)
                .findFirst()
                .orElse(schema);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Utf8 || value instanceof CharSequence) {
            String text = value.toString();
            return looksLikeTimestamp(text) ? Instant.parse(text) : text;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(2);
        }
        return value;
    }

    /** Debezium sends timestamptz as ISO-8601 text (io.debezium.time.ZonedTimestamp). */
    private static boolean looksLikeTimestamp(String text) {
        return text.length() >= 20 && text.charAt(4) == '-' && text.charAt(10) == 'T' && text.endsWith("Z");
    }
}
