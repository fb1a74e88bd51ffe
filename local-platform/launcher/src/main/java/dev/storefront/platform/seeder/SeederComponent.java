package dev.storefront.platform.seeder;

import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.Probes;
import java.util.List;

/** The seeder (Quarkus); it applies the Flyway migrations at start, so it is healthy once they are in. */
public final class SeederComponent extends ProcessComponent {

    public static final String NAME = "seeder";

    public SeederComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        return java().jar(layout.seederJar()).toList();
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpOk(layout.endpoints().seederHealthUrl());
    }

    /** The Swagger UI, where users drive the seeder. */
    @Override
    public String endpoint() {
        return layout.endpoints().seederUrl() + "/q/swagger-ui";
    }
}
