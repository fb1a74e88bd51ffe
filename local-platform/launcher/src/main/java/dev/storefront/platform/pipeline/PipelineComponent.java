package dev.storefront.platform.pipeline;

import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.Probes;
import java.util.List;

/** The Kafka Streams pipeline (facts, analytics, outbox feed); healthy while its streams are RUNNING. */
public final class PipelineComponent extends ProcessComponent {

    public static final String NAME = "pipeline";

    public PipelineComponent(Layout layout) {
        // Not after connect-init: the pipeline creates its input topics itself, so it starts beside Connect.
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        return java().jar(layout.pipelineJar()).args("run").toList();
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpOk(endpoint());
    }

    @Override
    public String endpoint() {
        return layout.endpoints().pipelineHealthUrl();
    }
}
