package dev.storefront.pipeline.run;

import dev.storefront.pipeline.analytics.RevenueTopology;
import dev.storefront.pipeline.cdc.StorefrontTables;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.enrich.OrderJoins;
import dev.storefront.pipeline.facts.OrderFactsTopology;
import dev.storefront.pipeline.outbox.OrderMessageDecoder;
import dev.storefront.pipeline.outbox.OutboxTopology;
import dev.storefront.pipeline.serde.PipelineSerdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The whole application: the three outputs over one set of source tables (each CDC topic is read once). */
public final class PipelineTopology {

    private PipelineTopology() {}

    public static Topology build(Topics topics, PipelineSerdes serdes, String outboxPrefix) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, topics, serdes, outboxPrefix);
        return builder.build();
    }

    static void addTo(StreamsBuilder builder, Topics topics, PipelineSerdes serdes, String outboxPrefix) {
        OrderJoins joins = OrderJoins.build(StorefrontTables.build(builder, topics, serdes));
        OrderFactsTopology.build(joins, topics, serdes);
        RevenueTopology.build(joins, topics, serdes);
        OutboxTopology.build(builder, topics, serdes, new OrderMessageDecoder(outboxPrefix));
    }
}
