package dev.storefront.console.web;

import dev.storefront.console.ConsoleMain;
import dev.storefront.console.connectors.ConnectorsApi;
import dev.storefront.console.decode.RecordDecoder;
import dev.storefront.console.groups.ConsumerGroupsApi;
import dev.storefront.console.metrics.MetricsApi;
import dev.storefront.console.overview.OverviewApi;
import dev.storefront.console.overview.RateSampler;
import dev.storefront.console.schemas.SchemasApi;
import dev.storefront.console.seeder.SeederApi;
import dev.storefront.console.topics.TopicCatalog;
import dev.storefront.console.topics.TopicsApi;
import dev.storefront.console.verify.VerifyApi;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.serde.RegistrySerdes;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the web console on BIND_ADDRESS:CONSOLE_PORT until stopped (SIGTERM): components' health and "
                    + "rates, connectors (pause, resume, restart), topics and decoded records (latest, from an offset, "
                    + "by key, live), schemas and their diffs, consumer lag, Debezium's slot, verify and the seeder's "
                    + "controls. `./platform up` runs it as the component `console`."
        })
public final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private ConsoleMain console;

    @Override
    public Integer call() throws Exception {
        PlatformEnv env = console.env();
        PlatformEndpoints endpoints = new PlatformEndpoints(env);
        PipelineConfig config = PipelineConfig.load(env);
        RegistrySerdes serdes = new RegistrySerdes(config.serde());
        RecordDecoder decoder = new RecordDecoder(
                serdes.cdcKey().deserializer(), serdes.cdcValue().deserializer());
        try (Admin admin = TopicCatalog.admin(config.bootstrapServers(), Duration.ofSeconds(10))) {
            RateSampler rates = RateSampler.of(admin, config, endpoints.seederUrl());
            ConsoleServer server = new ConsoleServer(
                    env.require(PlatformVariable.BIND_ADDRESS), env.port(PlatformVariable.CONSOLE_PORT), env);
            server.api("overview", new OverviewApi(endpoints, admin, rates));
            server.api("connectors", new ConnectorsApi(endpoints.connectUrl()));
            server.api(
                    "topics",
                    new TopicsApi(
                            new TopicCatalog(admin, endpoints.registryCcompatUrl(), Duration.ofSeconds(10)),
                            config.bootstrapServers(),
                            decoder));
            server.api("schemas", new SchemasApi(endpoints));
            server.api("groups", new ConsumerGroupsApi(admin));
            server.api("verify", new VerifyApi(config));
            server.api("seeder", new SeederApi(endpoints.seederUrl()));
            server.api("metrics", new MetricsApi(endpoints));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                rates.close();
                stopped.countDown();
            }));
            rates.start();
            server.start(System.out::println);
            stopped.await();
        }
        return 0;
    }
}
