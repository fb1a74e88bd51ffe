package dev.storefront.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which storefront tables the platform captures. The publication the migrations create (and later migrations extend)
 * is the truth at run time: a table added there is captured, counted and reconciled in its history without a Java
 * change. The compiled list names only the tables the pipeline's outputs read.
 */
public final class StorefrontTables {

    /** The tables the pipeline's outputs read; payments feeds only the CDC history. */
    public static final List<String> READ_BY_PIPELINE = List.of("customers", "products", "orders", "order_items");

    private StorefrontTables() {}

    /** The tables of schema public in {@code publication}, sorted by name; empty if it does not exist. */
    public static List<String> captured(Connection db, String publication) throws SQLException {
        List<String> tables = new ArrayList<>();
        String sql = "SELECT tablename FROM pg_publication_tables WHERE pubname = ? AND schemaname = 'public'"
                + " ORDER BY tablename";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, publication);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }
}
