package dev.storefront.connectinit.slot;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.secret.JsonMasker;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.ReplicationSlots.Outcome;
import dev.storefront.contract.ReplicationSlots.StillInUse;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * connect-init's side of dropping a deleted connector's slot: connects as the superuser of .env and reports in its
 * exit codes; the waiting and dropping are the platform's {@link dev.storefront.contract.ReplicationSlots}.
 */
public final class ReplicationSlots {

    private final String url;
    private final String user;
    private final String password;
    private final JsonMasker masker;

    public ReplicationSlots(PlatformEnv env, JsonMasker masker) {
        this.url = "jdbc:postgresql://" + env.require(PlatformVariable.POSTGRES_HOST) + ":"
                + env.port(PlatformVariable.POSTGRES_PORT) + "/" + env.require(PlatformVariable.POSTGRES_DB);
        this.user = env.require(PlatformVariable.POSTGRES_USER);
        this.password = env.require(PlatformVariable.POSTGRES_PASSWORD);
        this.masker = masker;
    }

    public Outcome drop(String slot, Duration timeout, PrintWriter out) {
        try (Connection connection = connect()) {
            return dev.storefront.contract.ReplicationSlots.drop(connection, slot, timeout, line -> {
                out.println(line);
                out.flush();
            });
        } catch (StillInUse e) {
            throw new CliFailure(ExitCode.DATABASE, e.getMessage());
        } catch (SQLException e) {
            throw new CliFailure(
                    ExitCode.DATABASE,
                    "Cannot drop replication slot " + slot + " at " + url + " as " + user + ": "
                            + masker.maskText(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.DATABASE, "Interrupted while waiting for replication slot " + slot);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }
}
