package dev.storefront.evolution.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.evolution.shape.Change;
import dev.storefront.evolution.shape.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebeziumSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shape of what Debezium 3.7 registers for a table (trimmed to two columns). */
    private static final String REGISTERED = """
            {"type":"record","name":"Envelope","namespace":"storefront.public.orders","fields":[
              {"name":"before","type":["null",{"type":"record","name":"Value","fields":[
                {"name":"id","type":{"type":"long","connect.default":0},"default":0},
                {"name":"status","type":"string"}],"connect.name":"storefront.public.orders.Value"}],"default":null},
              {"name":"after","type":["null","Value"],"default":null},
              {"name":"op","type":"string"}]}""";

    private static final Column STATUS = new Column("status", "text", "text", true, null);

    @Test
    void aNullableColumnIsAnOptionalFieldWithANullDefaultAtTheEnd() throws Exception {
        Column coupon = new Column("coupon_code", "text", "text", false, null);

        List<String> names =
                fieldNames(DebeziumSchema.candidate(REGISTERED, List.of(new Change("orders", null, coupon))));

        assertThat(names).containsExactly("id", "status", "coupon_code");
        JsonNode field = row(DebeziumSchema.candidate(REGISTERED, List.of(new Change("orders", null, coupon))))
                .get(2);
        assertThat(field.toString())
                .isEqualTo("{\"name\":\"coupon_code\",\"type\":[\"null\",\"string\"],\"default\":null}");
    }

    @Test
    void aDroppedColumnLeavesTheRecordAndARetypedOneChangesItsType() throws Exception {
        String dropped = DebeziumSchema.candidate(REGISTERED, List.of(new Change("orders", STATUS, null)));
        String retyped = DebeziumSchema.candidate(
                REGISTERED,
                List.of(new Change(
                        "orders",
                        new Column("id", "integer", "int4", true, null),
                        new Column("id", "bigint", "int8", true, null))));

        assertThat(fieldNames(dropped)).containsExactly("id");
        assertThat(row(retyped).get(0).get("type").asText()).isEqualTo("long");
    }

    @Test
    void aNotNullColumnCarriesItsConstantDefault() throws Exception {
        assertThat(DebeziumSchema.field(new Column("channel", "text", "text", true, "'web'::text"))
                        .toString())
                .isEqualTo("{\"name\":\"channel\",\"type\":\"string\",\"default\":\"web\"}");
        assertThat(DebeziumSchema.field(new Column("priority", "integer", "int4", true, "0"))
                        .toString())
                .isEqualTo("{\"name\":\"priority\",\"type\":\"int\",\"default\":0}");
        assertThat(DebeziumSchema.field(new Column("total", "numeric(12,2)", "numeric", false, null))
                        .toString())
                .contains("\"logicalType\":\"decimal\",\"precision\":12,\"scale\":2");
    }

    @Test
    void aTypeWithoutAKnownMappingIsNamedNotGuessed() {
        assertThatThrownBy(() -> DebeziumSchema.avroType(new Column("area", "polygon", "polygon", false, null)))
                .hasMessageContaining("column area has type polygon")
                .hasMessageContaining("DebeziumSchema.avroType");
    }

    private static JsonNode row(String schema) throws Exception {
        return JSON.readTree(schema).get("fields").get(0).get("type").get(1).get("fields");
    }

    private static List<String> fieldNames(String schema) throws Exception {
        List<String> names = new ArrayList<>();
        row(schema).forEach(field -> names.add(field.get("name").asText()));
        return names;
    }
}
