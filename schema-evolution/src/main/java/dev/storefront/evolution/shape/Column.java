package dev.storefront.evolution.shape;

/**
 * A column as PostgreSQL describes it.
 *
 * @param type its type as {@code format_type} prints it ({@code integer}, {@code numeric(12,2)}, {@code text})
 * @param typeName the base type's name ({@code int4}, {@code numeric}, {@code text})
 * @param defaultExpression its default, as {@code pg_get_expr} prints it, or null
 */
public record Column(String name, String type, String typeName, boolean notNull, String defaultExpression) {

    /** As a line of the pre-flight: {@code coupon_code text NULL}. */
    public String describe() {
        return name + " " + type + (notNull ? " NOT NULL" : " NULL")
                + (defaultExpression == null ? "" : " DEFAULT " + defaultExpression);
    }
}
