package dev.storefront.pipeline.analytics;

/** A product category x customer country group. */
public record Group(String category, String country) {}
