package dev.storefront.pipeline.facts;

import static dev.storefront.pipeline.testing.AliceOrders.ALICE;
import static dev.storefront.pipeline.testing.AliceOrders.LAMP;
import static dev.storefront.pipeline.testing.AliceOrders.MUG;
import static dev.storefront.pipeline.testing.AliceOrders.MUGS;
import static dev.storefront.pipeline.testing.AliceOrders.ONE_LAMP;
import static dev.storefront.pipeline.testing.AliceOrders.ORDER;
import static dev.storefront.pipeline.testing.CdcEvents.with;
import static dev.storefront.pipeline.testing.PipelineDriver.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderFactItem;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.testing.AliceOrders;
import dev.storefront.pipeline.testing.CdcEvents;
import dev.storefront.pipeline.testing.PipelineDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderFactsTopologyTest {

    private final PipelineDriver pipeline = AliceOrders.driver();

    @AfterEach
    void close() {
        pipeline.close();
    }

    @Test
    void anOrderWithItsCustomerItemsAndProductsBecomesOneFact() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);

        OrderFact fact = facts().get(100L);
        assertThat(facts()).containsOnlyKeys(100L);
        assertThat(fact.getStatus()).isEqualTo("pending");
        assertThat(fact.getTotal()).isEqualTo(new BigDecimal("65.00"));
        assertThat(fact.getItemCount()).isEqualTo(2);
        assertThat(fact.getCustomerId()).isEqualTo(1L);
        assertThat(fact.getCustomerName()).isEqualTo("Alice Martin");
        assertThat(fact.getCustomerEmail()).isEqualTo("alice@example.com");
        assertThat(fact.getCustomerCountry()).isEqualTo("France");
        assertThat(fact.getItems())
                .containsExactly(
                        new OrderFactItem(1000L, 10L, "Mug", "Kitchen", 2, new BigDecimal("12.50")),
                        new OrderFactItem(1001L, 11L, "Lamp", "Home", 1, new BigDecimal("40.00")));
        assertThat(fact.getCreatedAt()).isEqualTo(Instant.parse(CdcEvents.CREATED_AT));
        // The item inserted last is the latest change among the fact's rows.
        assertThat(fact.getSourceLsn()).isEqualTo(pipeline.events().lastLsn());
        assertThat(fact.getSourceTs())
                .isEqualTo(Instant.ofEpochMilli(pipeline.events().lastCommitMillis()));
    }

    @Test
    void anOrderWhoseItemsHaveNotArrivedHasAFactWithoutItems() {
        pipeline.insert(ALICE, ORDER);

        assertThat(facts().get(100L).getItemCount()).isZero();
        assertThat(facts().get(100L).getItems()).isEmpty();
    }

    @Test
    void aStatusChangeReemitsTheFactWithTheNewStatus() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);

        GenericRecord shipped = with(with(ORDER, "status", "shipped"), "updated_at", CdcEvents.UPDATED_AT);
        pipeline.update(ORDER, shipped);

        OrderFact fact = facts().get(100L);
        assertThat(fact.getStatus()).isEqualTo("shipped");
        assertThat(fact.getUpdatedAt()).isEqualTo(Instant.parse(CdcEvents.UPDATED_AT));
        assertThat(fact.getItemCount()).isEqualTo(2);
        assertThat(fact.getSourceLsn()).isEqualTo(pipeline.events().lastLsn());
    }

    @Test
    void aCustomerMoveAndAProductRenameReachTheFact() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);

        pipeline.update(ALICE, with(ALICE, "country", "Spain"));
        assertThat(facts().get(100L).getCustomerCountry()).isEqualTo("Spain");
        assertThat(facts().get(100L).getSourceLsn()).isEqualTo(pipeline.events().lastLsn());

        pipeline.update(MUG, with(with(MUG, "name", "Big mug"), "price", new BigDecimal("14.00")));
        OrderFact fact = facts().get(100L);
        assertThat(fact.getItems().get(0).getProductName()).isEqualTo("Big mug");
        // The fact keeps the price at purchase, not the product's new price.
        assertThat(fact.getItems().get(0).getPrice()).isEqualTo(new BigDecimal("12.50"));
        assertThat(fact.getSourceLsn()).isEqualTo(pipeline.events().lastLsn());
    }

    @Test
    void aPriceOrStockChangeAndAMoveWithinTheCountryEmitNoFact() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);
        long sourceLsn = facts().get(100L).getSourceLsn();
        int emitted = protobufRecords().size();

        pipeline.update(MUG, with(with(MUG, "price", new BigDecimal("14.00")), "stock_quantity", 3));
        pipeline.update(ALICE, with(with(ALICE, "address", "2 Side St"), "city", "Lyon"));

        assertThat(protobufRecords()).hasSize(emitted);
        assertThat(facts().get(100L).getSourceLsn()).isEqualTo(sourceLsn);

        pipeline.update(MUG, with(MUG, "category", "Tableware"));
        OrderFact fact = facts().get(100L);
        assertThat(protobufRecords()).hasSize(emitted + 1);
        assertThat(fact.getItems().get(0).getCategory()).isEqualTo("Tableware");
        assertThat(fact.getSourceLsn()).isEqualTo(pipeline.events().lastLsn());
    }

    @Test
    void anItemPriceChangeAndAnItemDeleteUpdateTheItems() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);

        pipeline.update(MUGS, with(MUGS, "price_at_purchase", new BigDecimal("11.00")));
        assertThat(facts().get(100L).getItems().get(0).getPrice()).isEqualTo(new BigDecimal("11.00"));

        pipeline.delete(ONE_LAMP);
        OrderFact fact = facts().get(100L);
        assertThat(fact.getItemCount()).isEqualTo(1);
        assertThat(fact.getItems()).extracting(OrderFactItem::getItemId).containsExactly(1000L);
    }

    @Test
    void aFactMadeByALinesDeleteCarriesTheDeletesPositionNotAnOlderRows() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);
        pipeline.update(ORDER, with(ORDER, "status", "shipped"));
        long before = facts().get(100L).getSourceLsn();

        pipeline.delete(ONE_LAMP);

        // The rows left (the order, its mugs) are older than the delete, which the fact reflects all the same.
        OrderFact fact = facts().get(100L);
        assertThat(fact.getItems()).extracting(OrderFactItem::getItemId).containsExactly(1000L);
        assertThat(fact.getSourceLsn()).isEqualTo(pipeline.events().lastLsn()).isGreaterThan(before);
    }

    @Test
    void aDeletedOrderBecomesATombstoneOnBothTopics() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);
        assertThat(facts()).containsKey(100L);

        // ON DELETE CASCADE: the order's delete, then its items'.
        pipeline.delete(ORDER);
        pipeline.delete(MUGS);
        pipeline.delete(ONE_LAMP);

        assertThat(facts()).doesNotContainKey(100L);
        List<TestRecord<String, byte[]>> protobuf = protobufRecords();
        assertThat(protobuf.get(protobuf.size() - 1).key()).isEqualTo("100");
        assertThat(protobuf.get(protobuf.size() - 1).value()).isNull();
    }

    @Test
    void rowsArrivingBeforeWhatTheyReferToJoinOnceItArrives() {
        pipeline.insert(MUGS, ONE_LAMP, ORDER);
        assertThat(facts()).isEmpty();

        pipeline.insert(ALICE);
        assertThat(facts().get(100L).getItems()).isEmpty();

        pipeline.insert(MUG, LAMP);
        assertThat(facts().get(100L).getItems())
                .extracting(OrderFactItem::getProductName)
                .containsExactly("Mug", "Lamp");
        assertThat(facts().get(100L).getSourceLsn()).isEqualTo(pipeline.events().lastLsn());
    }

    @Test
    void anItemMovedToAnotherOrderLeavesTheFirstOne() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP, AliceOrders.SECOND_ORDER);

        pipeline.update(ONE_LAMP, with(ONE_LAMP, "order_id", 101L));

        assertThat(facts().get(100L).getItems())
                .extracting(OrderFactItem::getItemId)
                .containsExactly(1000L);
        assertThat(facts().get(101L).getItems())
                .extracting(OrderFactItem::getItemId)
                .containsExactly(1001L);
    }

    @Test
    void aDeletedCustomerTurnsTheirFactsIntoTombstones() {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP, AliceOrders.SECOND_ORDER);
        assertThat(facts()).containsOnlyKeys(100L, 101L);

        pipeline.delete(ALICE);

        assertThat(facts()).isEmpty();
    }

    @Test
    void theProtobufVariantCarriesTheSameFact() throws InvalidProtocolBufferException {
        pipeline.insert(ALICE, MUG, LAMP, ORDER, MUGS, ONE_LAMP);
        OrderFact fact = facts().get(100L);

        List<TestRecord<String, byte[]>> records = protobufRecords();
        dev.storefront.pipeline.facts.proto.OrderFact proto = dev.storefront.pipeline.facts.proto.OrderFact.parseFrom(
                records.get(records.size() - 1).value());

        assertThat(records.get(records.size() - 1).key()).isEqualTo("100");
        assertThat(proto).isEqualTo(ProtoFacts.of(fact));
        assertThat(proto.getTotal()).isEqualTo("65.00");
        assertThat(proto.getCustomer().getFullName()).isEqualTo("Alice Martin");
        assertThat(proto.getItemsList())
                .extracting(i -> i.getProductName() + " x" + i.getQuantity() + " @" + i.getPrice())
                .containsExactly("Mug x2 @12.50", "Lamp x1 @40.00");
        assertThat(ProtoFacts.instant(proto.getCreatedAt())).isEqualTo(Instant.parse(CdcEvents.CREATED_AT));
    }

    private Map<Long, OrderFact> facts() {
        Map<Long, OrderFact> facts = new LinkedHashMap<>();
        pipeline.latest(
                        TOPICS.facts(),
                        pipeline.serdes().outputKey(OrderKey.class).deserializer(),
                        pipeline.serdes().outputValue(OrderFact.class).deserializer())
                .forEach((key, fact) -> facts.put(key.getOrderId(), fact));
        return facts;
    }

    private List<TestRecord<String, byte[]>> protobufRecords() {
        return pipeline.records(TOPICS.factsProtobuf(), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
