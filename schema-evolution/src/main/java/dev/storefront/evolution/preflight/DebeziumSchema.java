package dev.storefront.evolution.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.evolution.shape.Change;
import dev.storefront.evolution.shape.Column;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value schema Debezium's PostgreSQL connector would register after a change of its table's columns, derived
 * from the one it registered last: the row record (the {@code before}/{@code after} type of the envelope) loses,
 * gains or retypes fields as the columns do, each typed the way the connector maps the column with the platform's
 * settings ({@code decimal.handling.mode=precise}, adaptive time precision). Only what Avro compatibility judges is
 * reproduced (types, optionality, defaults), not Connect's documentation properties.
 */
public final class DebeziumSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern QUOTED_DEFAULT = Pattern.compile("'((?:[^']|'')*)'(?:::[a-z ]+)?");

    private DebeziumSchema() {}

    /** The schema text after {@code changes} (of this table only) to {@code registered}. */
    public static String candidate(String registered, List<Change> changes) throws UnpredictableType {
        ObjectNode envelope;
        try {
            envelope = (ObjectNode) JSON.readTree(registered);
        } catch (Exception e) {
            throw new IllegalArgumentException("The registered schema is not JSON: " + e.getMessage(), e);
        }
        ArrayNode fields = (ArrayNode) rowRecord(envelope).get("fields");
        for (Change change : changes) {
            int at = indexOf(fields, change.column());
            if (change.after() == null) {
                fields.remove(at);
            } else if (at < 0) {
                fields.add(field(change.after()));
            } else {
                fields.set(at, field(change.after()));
            }
        }
        return envelope.toString();
    }

    /** A column as the connector declares its field. */
    static ObjectNode field(Column column) throws UnpredictableType {
        ObjectNode field = NODES.objectNode().put("name", column.name());
        JsonNode type = avroType(column);
        if (column.notNull()) {
            field.set("type", type);
            defaultValue(column).ifPresent(value -> field.set("default", value));
        } else {
            field.set("type", NODES.arrayNode().add("null").add(type));
            field.putNull("default");
        }
        return field;
    }

    /** The Avro type of a column's values; a type the pre-flight cannot predict is named, not guessed. */
    static JsonNode avroType(Column column) throws UnpredictableType {
        Matcher numeric = NUMERIC.matcher(column.type());
        if (numeric.matches()) {
            return NODES.objectNode()
                    .put("type", "bytes")
                    .put("logicalType", "decimal")
                    .put("precision", Integer.parseInt(numeric.group(1)))
                    .put("scale", Integer.parseInt(numeric.group(2)));
        }
        return switch (column.typeName()) {
            case "int2", "int4" -> NODES.textNode("int");
            case "int8" -> NODES.textNode("long");
            case "bool" -> NODES.textNode("boolean");
            case "float4" -> NODES.textNode("float");
            case "float8" -> NODES.textNode("double");
            // timestamptz is io.debezium.time.ZonedTimestamp: ISO text.
            case "text", "varchar", "bpchar", "uuid", "json", "jsonb", "timestamptz" -> NODES.textNode("string");
            case "timestamp" ->
                NODES.objectNode().put("type", "long").put("connect.name", "io.debezium.time.MicroTimestamp");
            case "date" -> NODES.objectNode().put("type", "int").put("connect.name", "io.debezium.time.Date");
            default -> throw new UnpredictableType(column);
        };
    }

    /** The default the connector declares for a NOT NULL column: a constant default's value, nothing otherwise. */
    static Optional<JsonNode> defaultValue(Column column) throws UnpredictableType {
        String expression = column.defaultExpression();
        if (expression == null) {
            return Optional.empty();
        }
        Matcher quoted = QUOTED_DEFAULT.matcher(expression);
        JsonNode type = avroType(column);
        String text = quoted.matches() ? quoted.group(1).replace("''", "'") : expression;
        return switch (type.isTextual() ? type.asText() : "") {
            case "string" -> Optional.of(NODES.textNode(text));
            case "int", "long" ->
                text.matches("-?\\d+") ? Optional.of(NODES.numberNode(Long.parseLong(text))) : Optional.empty();
            case "boolean" ->
                text.equals("true") || text.equals("false")
                        ? Optional.of(NODES.booleanNode(Boolean.parseBoolean(text)))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The envelope's row record: the non-null branch of {@code before}. */
    private static ObjectNode rowRecord(ObjectNode envelope) {
        for (JsonNode field : envelope.path("fields")) {
            if (field.path("name").asText().equals("before")) {
                for (JsonNode branch : field.path("type")) {
                    if (branch.isObject() && "record".equals(branch.path("type").asText())) {
                        return (ObjectNode) branch;
                    }
                }
            }
        }
        throw new IllegalArgumentException("Not a Debezium envelope: no record type for field before");
    }

    private static int indexOf(ArrayNode fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).path("name").asText().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A column type the pre-flight has no Debezium mapping for. */
    public static final class UnpredictableType extends Exception {
        UnpredictableType(Column column) {
            super("column " + column.name() + " has type " + column.type()
                    + ", whose Debezium schema the pre-flight does not predict (DebeziumSchema.avroType)");
        }
    }
}
