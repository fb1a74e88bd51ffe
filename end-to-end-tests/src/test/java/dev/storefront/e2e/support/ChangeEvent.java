package dev.storefront.e2e.support;

import java.util.Map;

/**
 * One Debezium change event of a storefront table, decoded through the registry: the row key, the operation
 * (r snapshot, c create, u update, d delete) and the after-image normalized by {@link Rows}.
 */
public record ChangeEvent(long id, String op, Map<String, Object> after, long lsn) {}
