package com.doubletime.launcher;

import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.ServiceOptions.Kind;
import com.doubletime.cluster.ServiceOptions.Option;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.executor.ExecutorMain;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade executor as its own process trading <em>live</em> against simulators another process runs (the chaos
 * soak's and the fail-over test's cluster): {@code java -cp <launcher classpath>
 * com.doubletime.launcher.SimulatorExecutorMain --cluster … --kalshi-rest-url URL --polymarket-rest-url URL
 * --simulator-keys FILE [executor options]}. Every option of the trade executor applies ({@code --failover},
 * {@code --journal-store postgres}, …); the mode is always live, the keys come from the owner-only file the
 * simulators' process wrote ({@link SimulatorCredentials#writeKeyFile}). Never pointed at a real venue: it has no
 * way to read real credentials.
 */
public final class SimulatorExecutorMain {
    static final List<Option> OPTIONS = options();

    private SimulatorExecutorMain() {}

    private static List<Option> options() {
        List<Option> all = new ArrayList<>(ExecutorMain.OPTIONS);
        all.add(new Option(
                "--kalshi-rest-url",
                "DT_SIM_KALSHI_REST_URL",
                "simulators.kalshiRestUrl",
                Kind.STRING,
                "the simulated Kalshi's REST base URL (…/trade-api/v2)"));
        all.add(new Option(
                "--polymarket-rest-url",
                "DT_SIM_POLYMARKET_REST_URL",
                "simulators.polymarketRestUrl",
                Kind.STRING,
                "the simulated Polymarket CLOB's base URL"));
        all.add(new Option(
                "--simulator-keys",
                "DT_SIM_KEYS",
                "simulators.keyFile",
                Kind.STRING,
                "the owner-only file holding the keys the simulators check"));
        return List.copyOf(all);
    }

    public static void main(String[] args) {
        ServiceMain.run("trade-executor", OPTIONS, args, SimulatorExecutorMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        JsonObject simulators = config.getJsonObject("simulators", new JsonObject());
        String kalshi = simulators.getString("kalshiRestUrl");
        String polymarket = simulators.getString("polymarketRestUrl");
        String keyFile = simulators.getString("keyFile");
        if (kalshi == null || polymarket == null || keyFile == null) {
            return Future.failedFuture(new IllegalArgumentException(
                    "--kalshi-rest-url, --polymarket-rest-url and --simulator-keys are all required"));
        }
        SimulatorCredentials credentials;
        try {
            credentials = SimulatorCredentials.readKeyFile(Path.of(keyFile));
        } catch (IOException | IllegalArgumentException e) {
            return Future.failedFuture(new IllegalArgumentException("--simulator-keys: " + e.getMessage(), e));
        }
        JsonObject live = config.copy();
        live.put(
                "executor",
                config.getJsonObject("executor", new JsonObject()).copy().put("mode", "live"));
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config)).compose(pairs -> {
            SimulatorCredentials.Gateways gateways = credentials.gateways(vertx, kalshi, polymarket, pairs);
            return ExecutorMain.deploy(vertx, live, gateways.venues());
        });
    }
}
