package dev.storefront.pipeline.enrich;

import dev.storefront.pipeline.cdc.ItemRow;
import dev.storefront.pipeline.cdc.ProductRow;
import dev.storefront.pipeline.cdc.SourcePosition;
import java.math.BigDecimal;

/** An order line with its product's name and category. */
public record EnrichedItem(
        long itemId,
        long orderId,
        long productId,
        String productName,
        String category,
        int quantity,
        BigDecimal price,
        SourcePosition position) {

    public static EnrichedItem of(ItemRow item, ProductRow product) {
        return new EnrichedItem(
                item.id(),
                item.orderId(),
                item.productId(),
                product.name(),
                product.category(),
                item.quantity(),
                item.priceAtPurchase(),
                SourcePosition.latest(item.position(), product.position()));
    }

    /** quantity * price_at_purchase, exact. */
    public BigDecimal amount() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }
}
