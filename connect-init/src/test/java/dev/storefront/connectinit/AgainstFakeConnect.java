package dev.storefront.connectinit;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The CLI tests that talk to a Connect worker: a fresh fake Connect and a CLI pointed at it, per test. */
abstract class AgainstFakeConnect {

    @TempDir
    Path dir;

    FakeConnect connect;
    CliFixture cli;

    @BeforeEach
    void startFakeConnect() {
        connect = FakeConnect.start();
        cli = new CliFixture(dir).connect(connect);
    }

    @AfterEach
    void stopFakeConnect() {
        connect.close();
    }
}
