package dev.storefront.pipeline.analytics;

/** One order within one category x country group (an order spans as many groups as its lines' categories). */
public record OrderInGroup(String category, String country, long orderId) {

    Group group() {
        return new Group(category, country);
    }
}
