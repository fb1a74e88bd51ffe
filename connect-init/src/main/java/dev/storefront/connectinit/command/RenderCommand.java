package dev.storefront.connectinit.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.Json;
import dev.storefront.connectinit.secret.JsonMasker;
import dev.storefront.connectinit.template.RenderedConnector;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = "Dry run: prints each rendered template with its secrets masked; contacts nothing.")
public final class RenderCommand extends ConnectorCommand {

    @Override
    public Integer call() throws JsonProcessingException {
        List<RenderedConnector> connectors = root.render(names);
        JsonMasker masker = root.masker();
        for (RenderedConnector connector : connectors) {
            out().println(Json.MAPPER.writeValueAsString(masker.maskJson(connector.toJson())));
        }
        out().flush();
        return ExitCode.OK;
    }
}
