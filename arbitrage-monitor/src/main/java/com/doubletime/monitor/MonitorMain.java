package com.doubletime.monitor;

import com.doubletime.cluster.ServiceMain;
import com.doubletime.cluster.config.PairsLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * {@code java -jar arbitrage-monitor.jar [--cluster] [options]}: the monitor as its own process, watching the
 * pairs file's pairs (and the API's changes to them). Exactly one monitor per cluster: it is the single
 * writer of every book. Options: {@code --help}.
 */
public final class MonitorMain {
    private MonitorMain() {}

    public static void main(String[] args) {
        ServiceMain.run("arbitrage-monitor", ServiceMain.options(), args, MonitorMain::deploy);
    }

    static Future<?> deploy(Vertx vertx, JsonObject config) {
        return PairsLoader.load(vertx, ServiceMain.pairsFile(config))
                .compose(pairs -> vertx.deployVerticle(new MonitorVerticle(pairs)));
    }
}
