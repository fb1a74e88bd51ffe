package dev.storefront.pipeline.run;

import dev.storefront.pipeline.analytics.RevenueTopology;
import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.cdc.TableChanges;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.facts.OrderFactsTopology;
import dev.storefront.pipeline.outbox.OrderMessageDecoder;
import dev.storefront.pipeline.outbox.OutboxTopology;
import dev.storefront.pipeline.serde.PipelineSerdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The whole application: the three outputs over one read of each CDC topic. The facts are built in one step from
 * the table changes; the revenue is derived from the facts; the outbox feed stands alone.
 */
public final class PipelineTopology {

    private PipelineTopology() {}

    /** @param partitions of the table topics (see {@link TableChanges#build}) */
    public static Topology build(Topics topics, PipelineSerdes serdes, String outboxPrefix, int partitions) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, topics, serdes, outboxPrefix, partitions);
        return builder.build();
    }

    public static void addTo(
            StreamsBuilder builder, Topics topics, PipelineSerdes serdes, String outboxPrefix, int partitions) {
        KStream<Long, OrderFact> facts = OrderFactsTopology.build(
                builder, TableChanges.build(builder, topics, serdes, partitions), topics, serdes);
        RevenueTopology.build(builder, facts, topics, serdes, partitions);
        OutboxTopology.build(builder, topics, serdes, new OrderMessageDecoder(outboxPrefix));
    }
}
