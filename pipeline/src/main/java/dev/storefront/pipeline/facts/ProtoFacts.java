package dev.storefront.pipeline.facts;

import com.google.protobuf.Timestamp;
import dev.storefront.pipeline.avro.OrderFactItem;
import dev.storefront.pipeline.facts.proto.Customer;
import dev.storefront.pipeline.facts.proto.Item;
import dev.storefront.pipeline.facts.proto.OrderFact;
import java.math.BigDecimal;
import java.time.Instant;

/** The Protobuf variant of an order fact (src/main/proto/order_fact.proto), field for field. */
public final class ProtoFacts {

    private ProtoFacts() {}

    public static OrderFact of(dev.storefront.pipeline.avro.OrderFact fact) {
        OrderFact.Builder proto = OrderFact.newBuilder();
        if (fact.getCouponCode() != null) {
            proto.setCouponCode(fact.getCouponCode());
        }
        return proto.setOrderId(fact.getOrderId())
                .setStatus(fact.getStatus())
                .setTotal(text(fact.getTotal()))
                .setItemCount(fact.getItemCount())
                .setCustomer(Customer.newBuilder()
                        .setId(fact.getCustomerId())
                        .setFullName(fact.getCustomerName())
                        .setEmail(fact.getCustomerEmail())
                        .setCountry(fact.getCustomerCountry()))
                .addAllItems(fact.getItems().stream().map(ProtoFacts::item).toList())
                .setCreatedAt(timestamp(fact.getCreatedAt()))
                .setUpdatedAt(timestamp(fact.getUpdatedAt()))
                .setSourceLsn(fact.getSourceLsn())
                .setSourceTs(timestamp(fact.getSourceTs()))
                .build();
    }

    private static Item item(OrderFactItem item) {
        return Item.newBuilder()
                .setItemId(item.getItemId())
                .setProductId(item.getProductId())
                .setProductName(item.getProductName())
                .setCategory(item.getCategory())
                .setQuantity(item.getQuantity())
                .setPrice(text(item.getPrice()))
                .build();
    }

    private static String text(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
