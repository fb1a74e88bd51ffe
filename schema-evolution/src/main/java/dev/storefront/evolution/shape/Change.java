package dev.storefront.evolution.shape;

/**
 * One change of a captured table's shape between before and after a migration. A rename is a drop and an add to every
 * reader of the change events (Debezium names fields after columns), and is shown as both.
 *
 * @param before the column before, null when added
 * @param after the column after, null when dropped
 */
public record Change(String table, Column before, Column after) {

    public enum Kind {
        ADDED,
        DROPPED,
        RETYPED,
        NULLABILITY,
        DEFAULT
    }

    public Kind kind() {
        if (before == null) {
            return Kind.ADDED;
        }
        if (after == null) {
            return Kind.DROPPED;
        }
        if (!before.type().equals(after.type())) {
            return Kind.RETYPED;
        }
        return before.notNull() != after.notNull() ? Kind.NULLABILITY : Kind.DEFAULT;
    }

    public String column() {
        return before != null ? before.name() : after.name();
    }

    /** As a line of the pre-flight. */
    public String describe() {
        return switch (kind()) {
            case ADDED -> table + ": + " + after.describe();
            case DROPPED -> table + ": - " + before.describe();
            default -> table + ": " + before.describe() + " -> " + after.describe();
        };
    }
}
