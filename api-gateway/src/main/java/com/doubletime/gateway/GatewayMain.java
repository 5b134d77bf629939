package com.doubletime.gateway;

import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.ServiceOptions.Kind;
import com.doubletime.cluster.ServiceOptions.Option;
import com.doubletime.cluster.config.PairsLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code java -jar api-gateway.jar [--cluster] [options]}: the HTTP gateway as its own process. The API token
 * comes from {@value GatewayConfig#TOKEN_ENV} only (a secret stays out of files and command lines, which show
 * in {@code ps}); without one, a token is generated and printed once, as {@code ./double-time run} does: the API
 * is never open. Options: {@code --help}.
 */
public final class GatewayMain {
    private static final System.Logger LOG = System.getLogger(GatewayMain.class.getName());
    public static final List<Option> OPTIONS = ServiceMain.options(
            new Option("--host", "GATEWAY_HOST", "gateway.host", Kind.STRING, "address to bind (127.0.0.1)"),
            new Option("--port", "GATEWAY_PORT", "gateway.port", Kind.INT, "port (8080; 0 = any)"),
            new Option("--mode", "GATEWAY_MODE", "gateway.mode", Kind.STRING, "trading mode shown by /health (paper)"));

    private GatewayMain() {}

    public static void main(String[] args) {
        ServiceMain.run("api-gateway", OPTIONS, args, GatewayMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        GatewayConfig gateway = GatewayConfig.fromJson(config.getJsonObject("gateway", new JsonObject())
                .put("pairsFile", ServiceMain.pairsFile(config).toString()));
        ApiToken token = ApiToken.resolve(System.getenv());
        gateway = gateway.withApiToken(token.value(), gateway.readsRequireToken());
        if (token.generated()) {
            // shown once, on purpose: whoever reads this process's console may use the API
            LOG.log(
                    System.Logger.Level.INFO,
                    "API token (generated for this run; set " + GatewayConfig.TOKEN_ENV + " to choose one): "
                            + token.value());
        }
        GatewayConfig resolved = gateway;
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config))
                .compose(pairs -> vertx.deployVerticle(new GatewayVerticle(resolved, pairs)));
    }
}
