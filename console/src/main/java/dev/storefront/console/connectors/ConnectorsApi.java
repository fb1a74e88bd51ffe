package dev.storefront.console.connectors;

import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.console.web.Upstream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Connect's connectors and tasks: GET /api/connectors (state of each connector and task, a failed task's trace, its
 * type and config as Connect holds it: placeholders, never a secret), POST /api/connectors/NAME/pause|resume|restart.
 */
public final class ConnectorsApi implements ConsoleServer.Route {

    private static final Set<String> ACTIONS = Set.of("pause", "resume", "restart");

    private final String connectUrl;

    public ConnectorsApi(String connectUrl) {
        this.connectUrl = connectUrl;
    }

    @Override
    public void handle(Http request) throws Exception {
        if (request.rest().isEmpty()) {
            request.json(200, Upstream.get(connectUrl + "/connectors?expand=status&expand=info"));
            return;
        }
        int slash = request.rest().lastIndexOf('/');
        String action = slash < 0 ? "" : request.rest().substring(slash + 1);
        if (!request.method().equals("POST") || slash < 0 || !ACTIONS.contains(action)) {
            throw new Http.BadRequest("expected POST /api/connectors/NAME/" + String.join("|", ACTIONS) + ", got "
                    + request.method() + " /api/connectors/" + request.rest());
        }
        String url = connectUrl + "/connectors/"
                + URLEncoder.encode(request.rest().substring(0, slash), StandardCharsets.UTF_8)
                        .replace("+", "%20")
                + "/" + action;
        // Connect pauses and resumes with PUT; a restart of what FAILED also restarts its failed tasks.
        if (action.equals("restart")) {
            Upstream.post(url + "?includeTasks=true&onlyFailed=true", null);
        } else {
            Upstream.put(url);
        }
        request.json(202, java.util.Map.of("requested", action));
    }
}
