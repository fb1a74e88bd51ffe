package dev.storefront.source;

import static io.debezium.connector.postgresql.PostgresValueConverter.NEGATIVE_INFINITY_OFFSET_DATE_TIME;
import static io.debezium.connector.postgresql.PostgresValueConverter.NEGATIVE_INFINITY_TIMESTAMP_PG_STRING;
import static io.debezium.connector.postgresql.PostgresValueConverter.POSITIVE_INFINITY_OFFSET_DATE_TIME;
import static io.debezium.connector.postgresql.PostgresValueConverter.POSITIVE_INFINITY_TIMESTAMP_PG_STRING;

import io.debezium.connector.postgresql.connection.DateTimeFormat;
import io.debezium.spi.converter.CustomConverter;
import io.debezium.spi.converter.RelationalColumn;
import io.debezium.time.ZonedTimestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Properties;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * {@code timestamptz} columns as the string Debezium writes for them ({@link ZonedTimestamp}, the same schema), without
 * Debezium's cost per value: for a column with 1 to 9 fraction digits (PostgreSQL's default is 6) Debezium 3.7 builds a
 * new {@code DateTimeFormatter} for every value it formats ({@code ZonedTimestamp.getDateTimeFormatter}), and that
 * formatter writes the fraction through a {@code BigDecimal}: 540 ns a value as the stream hands it, 88 here
 * (docs/performance.md).
 *
 * <p>The text is written here for what the platform's columns hold, UTC instants of the years 0 to 9999, and by
 * {@link ZonedTimestamp} itself for anything else. The steps before it are those of {@code PostgresValueConverter
 * .convertTimestampWithZone} in every {@code time.precision.mode} but {@code structured}: the snapshot hands a column's
 * text, parsed here by Debezium's own {@link DateTimeFormat}; the stream hands a value Debezium parsed into UTC;
 * PostgreSQL's infinities stay its words. One difference: a null stays null, where Debezium puts the column's default
 * or 1970-01-01 into a {@code NOT NULL} column; PostgreSQL sends no null for such a column. {@code
 * ZonedTimestampConverterTest} holds the text to Debezium's.
 */
public final class ZonedTimestampConverter implements CustomConverter<SchemaBuilder, RelationalColumn> {

    private static final String TIMESTAMPTZ = "timestamptz";
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    @Override
    public void configure(Properties properties) {
        // Nothing to set: the fraction's width is each column's own.
    }

    @Override
    public void converterFor(RelationalColumn column, ConverterRegistration<SchemaBuilder> registration) {
        if (!TIMESTAMPTZ.equals(column.typeName())) {
            return;
        }
        // Debezium's width: the column's scale, else its length (PostgresValueConverter.convertTimestampWithZone).
        int width = column.scale().orElse(column.length().orElse(-1));
        if (width < 1 || width > 9) {
            return; // Debezium formats these with one shared formatter; nothing to save
        }
        // Debezium marks the schema optional and sets its default from this converter (TableSchemaBuilder.addField).
        registration.register(ZonedTimestamp.builder(), value -> value == null ? null : toIsoString(value, width));
    }

    /** The string {@link ZonedTimestamp} writes for a {@code timestamptz} value with {@code width} fraction digits. */
    private static String toIsoString(Object value, int width) {
        Object time = value;
        if (time instanceof String text) {
            // A column's default comes already converted (Debezium's text, with its 'T'): TableSchemaBuilder converts
            // it once with Debezium's converter and again with this one. PostgreSQL's text has no 'T'.
            if (text.indexOf('T') >= 0
                    || POSITIVE_INFINITY_TIMESTAMP_PG_STRING.equals(text)
                    || NEGATIVE_INFINITY_TIMESTAMP_PG_STRING.equals(text)) {
                return text;
            }
            time = DateTimeFormat.get()
                    .timestampWithTimeZoneToOffsetDateTime(text)
                    .withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (time instanceof Date date) {
            time = OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
        }
        if (POSITIVE_INFINITY_OFFSET_DATE_TIME.equals(time)) {
            return POSITIVE_INFINITY_TIMESTAMP_PG_STRING;
        }
        if (NEGATIVE_INFINITY_OFFSET_DATE_TIME.equals(time)) {
            return NEGATIVE_INFINITY_TIMESTAMP_PG_STRING;
        }
        if (time instanceof OffsetDateTime instant) {
            return instant.getOffset().equals(ZoneOffset.UTC) && instant.getYear() >= 0 && instant.getYear() <= 9999
                    ? utc(instant, width)
                    : ZonedTimestamp.toIsoString(instant.toZonedDateTime(), null, width);
        }
        return ZonedTimestamp.toIsoString(time, ZoneOffset.UTC, null, width);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.f…fZ}: the fraction cut (not rounded) to {@code width} digits, zeros kept. */
    private static String utc(OffsetDateTime time, int width) {
        StringBuilder text = new StringBuilder(21 + width);
        digits(text, time.getYear(), 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2).append('.');
        return digits(text, time.getNano() / POWERS_OF_TEN[9 - width], width)
                .append('Z')
                .toString();
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int power = POWERS_OF_TEN[width - 1]; power > 0; power /= 10) {
            text.append((char) ('0' + value / power % 10));
        }
        return text;
    }
}
