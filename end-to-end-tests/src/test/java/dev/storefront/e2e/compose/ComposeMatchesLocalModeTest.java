package dev.storefront.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.e2e.compose.ComposeFiles.Instruction;
import dev.storefront.e2e.compose.ComposeFiles.Service;
import dev.storefront.platform.kafka.KafkaComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Compose and local mode cannot drift apart: the same .env variables set the same components' ports, every variable
 * compose interpolates is defined in .env, and the Connect image and registry get local mode's plugins and settings.
 * Local mode's side is read from the launcher's components manifest and config files, compose's from the YAML.
 */
class ComposeMatchesLocalModeTest {

    /** Compose service -> the local-mode component it is (the one table to update when a component is added). */
    static final Map<String, String> LOCAL_COMPONENT_OF_SERVICE = Map.of(
            "postgres", "postgres",
            "seeder", "seeder",
            "kafka", "kafka",
            "connect", "connect",
            "registry", "registry",
            "pipeline", "pipeline",
            "console", "console",
            "connect-init", "connect-init",
            "flink-jobmanager", "flink-sql");
    /**
     * Ports only compose publishes: no Kafka web UI, Prometheus or Grafana runs without Docker (local mode has the
     * console and `./platform metrics`; docs/architecture.md).
     */
    static final Map<String, String> COMPOSE_ONLY_PORTS =
            Map.of("akhq", "AKHQ_PORT", "prometheus", "PROMETHEUS_PORT", "grafana", "GRAFANA_PORT");
    /** Ports local mode claims that compose keeps inside its network. */
    static final Set<String> UNPUBLISHED_LOCAL_PORTS = Set.of("KAFKA_CONTROLLER_PORT");
    /**
     * "127.0.0.1:${VAR}:${VAR}": the same port on the host and inside the network, set by one .env variable, and
     * published on the host's loopback only, never on every interface.
     */
    private static final Pattern SAME_PORT = Pattern.compile("127\\.0\\.0\\.1:\\$\\{([A-Z0-9_]+)}:\\$\\{([A-Z0-9_]+)}");

    /** The JVM flags that size the heap, pick the collector or the compilers: those local mode measured and sets. */
    private static final Pattern JVM_TUNING =
            Pattern.compile("-Xm[xsn]\\S+|-XX:\\+Use\\w+GC|-XX:TieredStopAtLevel=\\d");

    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");
    /**
     * Images whose start script picks the collector itself (the registry's sets the parallel one): a second
     * collector flag would stop the JVM, so compose leaves it to the image there.
     */
    private static final Set<String> COLLECTOR_OF_THE_IMAGE = Set.of("registry");

    private final ComposeFiles compose = ComposeFiles.load();
    private final Map<String, Set<String>> localPorts = LocalMode.portVariables(compose.root);

    @Test
    void everyPublishedPortIsTheEnvVariableLocalModeClaimsForTheSameComponent() {
        for (Service service : compose.services.values()) {
            for (String port : service.ports()) {
                Matcher matcher = SAME_PORT.matcher(port);
                assertThat(matcher.matches())
                        .as(
                                "port %s of %s must be \"127.0.0.1:${VAR}:${VAR}\" (this machine only)",
                                port, service.name())
                        .isTrue();
                String variable = matcher.group(1);
                assertThat(matcher.group(2))
                        .as("container side of %s of %s", port, service.name())
                        .isEqualTo(variable);
                assertThat(compose.env).as(".env variables").containsKey(variable);
                if (COMPOSE_ONLY_PORTS.containsKey(service.name())) {
                    assertThat(variable).isEqualTo(COMPOSE_ONLY_PORTS.get(service.name()));
                } else {
                    String component = LOCAL_COMPONENT_OF_SERVICE.get(service.name());
                    assertThat(component)
                            .as("local-mode component of compose service %s (mapping table)", service.name())
                            .isNotNull();
                    assertThat(localPorts.get(component))
                            .as("ports local mode's %s claims", component)
                            .contains(variable);
                }
            }
        }
    }

    @Test
    void everyPortLocalModeClaimsIsPublishedByTheSameComponentInCompose() {
        assertThat(localPorts)
                .as("launcher components read from the sources")
                .containsKeys("postgres", "kafka", "pipeline");
        localPorts.forEach((component, variables) -> {
            Set<String> toPublish = variables.stream()
                    .filter(v -> !UNPUBLISHED_LOCAL_PORTS.contains(v))
                    .collect(Collectors.toSet());
            if (toPublish.isEmpty()) {
                return;
            }
            List<String> services = LOCAL_COMPONENT_OF_SERVICE.entrySet().stream()
                    .filter(e -> e.getValue().equals(component))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(services)
                    .as("compose service of local component %s (mapping table)", component)
                    .hasSize(1);
            Set<String> published = compose.service(services.get(0)).ports().stream()
                    .map(SAME_PORT::matcher)
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .collect(Collectors.toSet());
            assertThat(published)
                    .as("ports published by compose service %s", services.get(0))
                    .isEqualTo(toPublish);
        });
    }

    @Test
    void everyVariableComposeInterpolatesIsDefinedInEnv() {
        compose.variables().forEach((file, variables) -> {
            assertThat(variables).as("variables of %s", file.getFileName()).isNotEmpty();
            assertThat(compose.env.keySet())
                    .as("variables of .env used by %s", file.getFileName())
                    .containsAll(variables);
        });
    }

    @Test
    void appsReachTheOtherServicesByNameInsideTheNetwork() {
        Map<String, String> hosts = Map.of(
                "POSTGRES_HOST",
                "postgres",
                "KAFKA_HOST",
                "kafka",
                "CONNECT_HOST",
                "connect",
                "APICURIO_HOST",
                "registry",
                "SEEDER_HOST",
                "seeder",
                "PIPELINE_HOST",
                "pipeline");
        for (String app : List.of("seeder", "connect-init", "pipeline", "console")) {
            Map<String, String> environment = compose.service(app).environment();
            hosts.forEach((variable, host) -> {
                if (environment.containsKey(variable)) {
                    assertThat(compose.services)
                            .as("service named by %s of %s", variable, app)
                            .containsKey(host);
                    assertThat(environment.get(variable))
                            .as("%s of %s", variable, app)
                            .isEqualTo(host);
                }
            });
            if (environment.containsKey("KAFKA_HOST")) {
                assertThat(environment.get("KAFKA_PORT"))
                        .as("KAFKA_PORT of %s: the in-network listener", app)
                        .isEqualTo("${KAFKA_INTERNAL_PORT}");
            }
            assertThat(compose.service(app).node().path("env_file").asText())
                    .as("env_file of %s", app)
                    .isEqualTo("../.env");
        }
    }

    @Test
    void theConnectImageLoadsLocalModesPluginFoldersWithLocalModesWorkerConfigAndLogging() throws Exception {
        Path dockerfile = compose.dockerfile(compose.service("connect"));
        List<Instruction> copies = ComposeFiles.instructions(dockerfile).stream()
                .filter(i -> i.keyword().equals("COPY"))
                .toList();
        String pluginPath = LocalMode.connectPluginPath(compose.root);
        Instruction plugins = copies.stream()
                .filter(i -> strip(i.arguments().get(0)).equals(pluginPath))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(dockerfile + " does not COPY local mode's plugin.path " + pluginPath));
        String imagePluginPath = strip(plugins.arguments().get(1));
        assertThat(Files.readString(dockerfile))
                .as("plugin.path of the image")
                .contains("ENV CONNECT_PLUGIN_PATH=" + imagePluginPath);
        assertThat(copies)
                .as("the worker configuration the image renders")
                .anyMatch(i -> i.arguments().get(0).equals(LocalMode.CONNECT_WORKER_TEMPLATE));
        Instruction logging = copies.stream()
                .filter(i -> i.arguments().get(0).equals(LocalMode.CONNECT_LOG_CONFIG))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        dockerfile + " does not COPY local mode's logging " + LocalMode.CONNECT_LOG_CONFIG));
        assertThat(Files.readString(dockerfile))
                .as("the worker's logging configuration")
                .contains("ENV KAFKA_LOG4J_OPTS=-Dlog4j2.configurationFile="
                        + logging.arguments().get(1));

        Set<String> folders = new HashSet<>();
        try (var dirs = Files.list(compose.root.resolve(pluginPath))) {
            dirs.filter(Files::isDirectory)
                    .forEach(d -> folders.add(d.getFileName().toString()));
        }
        assertThat(folders)
                .as("plugin folders the build assembled (run ./mvnw package first)")
                .contains("debezium-connector-postgres", "debezium-connector-jdbc", "apicurio-converter");
    }

    @Test
    void theRegistryGetsEverySettingOfLocalMode() {
        Set<String> local = LocalMode.registrySettingNames(compose.root);
        assertThat(local).isNotEmpty();
        assertThat(compose.service("registry").environment().keySet())
                .as("registry environment in compose")
                .containsAll(local);
    }

    @Test
    void everyJvmGetsLocalModesHeapCollectorAndCompilers() {
        Map<String, List<String>> local = LocalMode.jvmOptions(compose.root);
        assertThat(local).as("local-mode JVMs read from the manifest").containsKeys("kafka", "connect", "pipeline");
        LOCAL_COMPONENT_OF_SERVICE.forEach((service, component) -> {
            if (!local.containsKey(component)) {
                return;
            }
            Set<String> expected = local.get(component).stream()
                    .filter(option -> JVM_TUNING.matcher(option).matches())
                    .filter(option -> !(COLLECTOR_OF_THE_IMAGE.contains(service)
                            && COLLECTOR.matcher(option).matches()))
                    .collect(Collectors.toSet());
            assertThat(expected).as("local mode's flags for %s", component).isNotEmpty();
            assertThat(jvmTuning(compose.service(service)))
                    .as(
                            "heap, collector and compiler flags of compose service %s (local mode's %s)",
                            service, component)
                    .isEqualTo(expected);
        });
    }

    /**
     * The tuning flags a service's JVM gets: from its environment (KAFKA_HEAP_OPTS and KAFKA_JVM_PERFORMANCE_OPTS
     * for Kafka's scripts, JAVA_OPTS_APPEND for the registry's) and from the ENTRYPOINT of the image it builds.
     */
    private Set<String> jvmTuning(Service service) {
        List<String> words = new ArrayList<>();
        service.environment().values().forEach(value -> words.addAll(List.of(value.split("\\s+"))));
        if (service.node().has("build")) {
            words.addAll(ComposeFiles.entrypoint(compose.dockerfile(service)));
        }
        return words.stream().filter(word -> JVM_TUNING.matcher(word).matches()).collect(Collectors.toSet());
    }

    @Test
    void theBrokerGetsLocalModesFeatureLevelsBeforeConnectStarts() {
        List<String> command = new ArrayList<>();
        compose.service("kafka-features").node().path("command").forEach(word -> command.add(word.asText()));
        List<String> features = new ArrayList<>();
        for (int i = command.indexOf("--feature"); i >= 0 && i + 1 < command.size(); i += 2) {
            features.add(command.get(i + 1));
        }
        assertThat(command).as("kafka-features command").contains("downgrade", "kafka:${KAFKA_INTERNAL_PORT}");
        assertThat(features).as("feature levels compose sets").isEqualTo(KafkaComponent.featureArguments());
        assertThat(compose.service("connect")
                        .node()
                        .at("/depends_on/kafka-features/condition")
                        .asText())
                .as("Connect starts after the feature levels are set")
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void theThreeLayersShareOneNamedNetwork() {
        compose.layers.forEach(
                (layer, tree) -> assertThat(tree.at("/networks/default/name").asText())
                        .as("name of the default network of the %s layer", layer)
                        .isEqualTo("storefront"));
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
