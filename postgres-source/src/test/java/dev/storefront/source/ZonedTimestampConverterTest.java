package dev.storefront.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.CommonConnectorConfig.BinaryHandlingMode;
import io.debezium.connector.postgresql.PostgresConnectorConfig.HStoreHandlingMode;
import io.debezium.connector.postgresql.PostgresConnectorConfig.IntervalHandlingMode;
import io.debezium.connector.postgresql.PostgresValueConverter;
import io.debezium.jdbc.JdbcValueConverters.BigIntUnsignedMode;
import io.debezium.jdbc.JdbcValueConverters.DecimalMode;
import io.debezium.jdbc.TemporalPrecisionMode;
import io.debezium.relational.Column;
import io.debezium.relational.CustomConverterRegistry;
import io.debezium.relational.TableId;
import io.debezium.relational.ValueConverter;
import io.debezium.spi.converter.ConvertedField;
import io.debezium.spi.converter.CustomConverter;
import io.debezium.time.ZonedTimestamp;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The converter's text against Debezium's own {@code PostgresValueConverter}, value by value. */
class ZonedTimestampConverterTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final CustomConverter<SchemaBuilder, ConvertedField> CONVERTER =
            (CustomConverter) new ZonedTimestampConverter();

    private static final TableId TABLE = new TableId(null, "public", "orders");

    /** Years 0 to 9999 and a bit beyond, so that both the hand-written text and the fallback are compared. */
    private static final long FIRST =
            OffsetDateTime.of(-20, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();

    private static final long LAST =
            OffsetDateTime.of(10_020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();

    @Test
    void everyValueIsTheTextDebeziumWrites() {
        Random random = new Random(16);
        for (int width = 1; width <= 9; width++) {
            Debezium debezium = new Debezium(width);
            ValueConverter converter = registered(column("timestamptz", width)).orElseThrow();
            for (Object value : values(random)) {
                assertThat(converter.convert(value))
                        .as("%s with %d fraction digits", value, width)
                        .isEqualTo(debezium.convert(value));
            }
        }
    }

    @Test
    void theSnapshotsTextIsParsedAsDebeziumParsesIt() {
        for (int width = 1; width <= 9; width++) {
            Debezium debezium = new Debezium(width);
            ValueConverter converter = registered(column("timestamptz", width)).orElseThrow();
            for (String text : List.of(
                    "2026-12-05 20:30:00+00",
                    "2026-12-05 20:30:00.1+00",
                    "2026-12-05 20:30:00.123456+00",
                    "2026-12-05 21:30:00.000001+01",
                    "2026-12-05 15:00:00.5-05:30",
                    "0001-01-01 00:00:00+00",
                    "9999-12-31 23:59:59.999999+00",
                    "infinity",
                    "-infinity")) {
                assertThat(converter.convert(text))
                        .as("'%s' with %d fraction digits", text, width)
                        .isEqualTo(debezium.convert(text));
            }
        }
    }

    @Test
    void aColumnWithSixFractionDigitsKeepsThemAll() {
        ValueConverter converter = registered(column("timestamptz", 6)).orElseThrow();
        assertThat(converter.convert(OffsetDateTime.of(2026, 12, 5, 20, 30, 0, 120_000_000, ZoneOffset.UTC)))
                .isEqualTo("2026-12-05T20:30:00.120000Z");
        assertThat(converter.convert(null)).isNull();
    }

    @Test
    void aDefaultThatDebeziumConvertedStaysAsItIs() {
        // Debezium hands a custom converter the column's default in its own text (TableSchemaBuilder.addField).
        ValueConverter converter = registered(column("timestamptz", 6)).orElseThrow();
        assertThat(converter.convert("1970-01-01T00:00:00.000000Z")).isEqualTo("1970-01-01T00:00:00.000000Z");
    }

    @Test
    void onlyTimestamptzColumnsWithAFractionWidthAreTakenOver() {
        assertThat(registered(column("timestamptz", 6))).isPresent();
        assertThat(registered(column("timestamptz", 0))).isEmpty();
        assertThat(registered(column("timestamp", 6))).isEmpty();
        assertThat(registered(column("text", -1))).isEmpty();
    }

    private static List<Object> values(Random random) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    FIRST + (long) (random.nextDouble() * (LAST - FIRST)),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            values.add(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            values.add(OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(random.nextInt(27) - 13)));
            if (i % 10 == 0) {
                values.add(Timestamp.from(instant));
                values.add(instant.atZone(ZoneOffset.UTC)); // how Debezium parses a column's default
            }
        }
        values.add(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        values.add(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC));
        values.add(PostgresValueConverter.POSITIVE_INFINITY_OFFSET_DATE_TIME);
        values.add(PostgresValueConverter.NEGATIVE_INFINITY_OFFSET_DATE_TIME);
        return values;
    }

    private static Column column(String type, int scale) {
        return Column.editor()
                .name("updated_at")
                .type(type)
                .jdbcType(Types.TIMESTAMP_WITH_TIMEZONE)
                .length(35)
                .scale(scale < 0 ? null : scale)
                .optional(true)
                .create();
    }

    /** The converter as the connector's registry of custom converters hands it a column. */
    private static Optional<ValueConverter> registered(Column column) {
        CustomConverterRegistry registry = new CustomConverterRegistry(List.of(CONVERTER));
        Optional<SchemaBuilder> schema = registry.registerConverterFor(TABLE, column, null);
        schema.ifPresent(builder -> assertThat(builder.build()).isEqualTo(ZonedTimestamp.schema()));
        return registry.getValueConverter(TABLE, column);
    }

    /** Debezium's converter for a {@code timestamptz} column of {@code width} fraction digits, as the connector makes it. */
    private static final class Debezium extends PostgresValueConverter {

        private final Column column;
        private final Field field;

        Debezium(int width) {
            super(
                    StandardCharsets.UTF_8,
                    DecimalMode.PRECISE,
                    TemporalPrecisionMode.ADAPTIVE,
                    ZoneOffset.UTC,
                    BigIntUnsignedMode.PRECISE,
                    false,
                    null,
                    HStoreHandlingMode.JSON,
                    BinaryHandlingMode.BYTES,
                    IntervalHandlingMode.NUMERIC,
                    null,
                    2);
            this.column = column("timestamptz", width);
            this.field = new Field(
                    column.name(), 0, ZonedTimestamp.builder().optional().build());
        }

        Object convert(Object value) {
            return convertTimestampWithZone(column, field, value);
        }
    }
}
