package dev.storefront.seeder.fullload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Allocates ids from the tables' own sequences, in one round trip per batch and table, on one connection:
 * allocating in load order keeps a seeded load reproducible however the batches are then copied.
 */
final class Sequences implements AutoCloseable {

    private final Connection connection;

    Sequences(Connection connection) {
        this.connection = connection;
    }

    long[] allocate(CopyTable table, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement statement = connection.prepareStatement(table.allocateIdsQuery())) {
            statement.setInt(1, count);
            try (ResultSet rs = statement.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    ids[i++] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
