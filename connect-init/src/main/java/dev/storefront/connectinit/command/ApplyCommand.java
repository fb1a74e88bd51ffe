package dev.storefront.connectinit.command;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.connect.ConfigError;
import dev.storefront.connectinit.connect.ConnectClient;
import dev.storefront.connectinit.template.RenderedConnector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Registers the connectors and waits until they and all their tasks are RUNNING.",
            "In order: renders the templates (every undefined $${VAR} is reported before Connect is contacted);",
            "waits for Connect; validates every config (one error registers nothing); registers each with",
            "PUT /connectors/<name>/config (an unchanged config is not re-sent, so nothing restarts), all at once;",
            "waits until RUNNING, printing state changes, or prints the failure's trace."
        })
public final class ApplyCommand extends ConnectorCommand {

    @Override
    public Integer call() {
        List<RenderedConnector> connectors = root.render(names);
        ConnectClient connect = root.connect(true);
        connect.awaitReachable(root.timeout(), out());
        validate(connect, connectors);
        List<Boolean> sent = AllAtOnce.map(connectors, connector -> register(connect, connector));
        Map<String, Boolean> changed = new LinkedHashMap<>();
        for (int i = 0; i < connectors.size(); i++) {
            changed.put(connectors.get(i).name(), sent.get(i));
        }
        root.runningWaiter(connect).await(changed);
        out().println("RUNNING: "
                + String.join(
                        ", ", connectors.stream().map(RenderedConnector::name).toList()));
        out().flush();
        return ExitCode.OK;
    }

    /** Validates all before registering any, so that one bad template registers nothing. */
    private void validate(ConnectClient connect, List<RenderedConnector> connectors) {
        List<List<ConfigError>> answers = AllAtOnce.map(connectors, connect::validate);
        List<String> report = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            RenderedConnector connector = connectors.get(i);
            List<ConfigError> errors = answers.get(i);
            if (errors.isEmpty()) {
                out().println(connector.name() + ": config valid");
            } else {
                report.add(connector.name() + " (" + connector.source() + "): " + errors.size() + " config error(s):");
                errors.forEach(error -> report.add("  " + error));
            }
        }
        if (!report.isEmpty()) {
            throw new CliFailure(
                    ExitCode.VALIDATION,
                    "Connect rejected the config, nothing was registered:\n" + String.join("\n", report));
        }
    }

    /** PUTs the config unless Connect already holds exactly it (a PUT restarts the connector); true if sent. */
    private boolean register(ConnectClient connect, RenderedConnector connector) {
        Optional<Map<String, String>> current = connect.config(connector.name());
        if (current.isPresent() && current.get().equals(connector.configWithName())) {
            out().println(connector.name() + ": config unchanged, not re-sent");
            return false;
        }
        boolean created = connect.putConfig(connector.name(), connector.config());
        out().println(connector.name() + (created ? ": created" : ": config updated"));
        out().flush();
        return true;
    }
}
