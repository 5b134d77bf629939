package com.doubletime.simulator;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs both simulated venues until the process is stopped.
 *
 * <p>Settings, later ones winning: defaults &lt; environment &lt; command line.
 * <pre>
 *   option              environment                  default
 *   --host H            SIMULATOR_HOST               127.0.0.1
 *   --kalshi-port P     SIMULATOR_KALSHI_PORT        0 (random)
 *   --polymarket-port P SIMULATOR_POLYMARKET_PORT    0 (random)
 *   --pairs FILE        SIMULATOR_PAIRS              two built-in demo markets
 *   --seed N            SIMULATOR_SEED               42
 *   --step-millis N     SIMULATOR_STEP_MILLIS        500
 *   --window-every N    SIMULATOR_WINDOW_EVERY       20
 *   --scenario FILE     SIMULATOR_SCENARIO           none (random walk)
 *   --kalshi-public-key FILE  SIMULATOR_KALSHI_PUBLIC_KEY  none: Kalshi accepts unsigned requests; with a
 *                       PEM RSA public key, the WebSocket and REST require KALSHI-ACCESS-* signatures
 *   --catalogue FILE    SIMULATOR_CATALOGUE          none: listed markets' titles, close dates and strikes
 *                       ({@link SimulatorCatalogue}) for pair discovery; "demo" = the built-in demo catalogue
 * </pre>
 */
public final class SimulatorMain {

    private static final System.Logger LOG = System.getLogger(SimulatorMain.class.getName());

    private static final Map<String, String> OPTION_BY_ENV = Map.of(
            "SIMULATOR_HOST", "--host",
            "SIMULATOR_KALSHI_PORT", "--kalshi-port",
            "SIMULATOR_POLYMARKET_PORT", "--polymarket-port",
            "SIMULATOR_PAIRS", "--pairs",
            "SIMULATOR_SEED", "--seed",
            "SIMULATOR_STEP_MILLIS", "--step-millis",
            "SIMULATOR_WINDOW_EVERY", "--window-every",
            "SIMULATOR_SCENARIO", "--scenario",
            "SIMULATOR_KALSHI_PUBLIC_KEY", "--kalshi-public-key",
            "SIMULATOR_CATALOGUE", "--catalogue");

    /** Used when no pairs file is given: one pair of each polarity. */
    static final List<SimulatedMarket> DEMO_MARKETS = List.of(
            new SimulatedMarket(
                    "KXFEDDECISION-26DEC-C25",
                    "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1",
                    "71321045679252212594626385532706912750332728571942532289631379312455583992563",
                    "52114319501245915516055106046884209969926127482827954674443846427813813222426",
                    false),
            new SimulatedMarket(
                    "KXRAIN-26DEC-NYC",
                    "0x747dc809fb79e1b05be09c42d6179459a58de2ef3e40f02484a4e1260f741f75",
                    "107505882767731489358349912513945399560393482969656700824895970500493757150417",
                    "73056302495919394702939853829104627011223006391834627117633498451432152912392",
                    true));

    private SimulatorMain() {}

    public static void main(String[] args) throws IOException {
        SimulatorConfig config = config(args, System.getenv());
        KalshiSimulatorOptions kalshi = kalshiOptions(args, System.getenv());
        Vertx vertx = Vertx.vertx();
        ExchangeSimulator simulator;
        try {
            simulator = ExchangeSimulator.start(vertx, config, kalshi).await();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "simulator failed to start: " + e.getMessage(), e);
            vertx.close();
            System.exit(1);
            return;
        }
        // concatenated, not {0} placeholders: the slf4j bridge behind System.Logger does not format those
        LOG.log(Level.INFO, "Kalshi simulator: " + simulator.kalshiWsUrl() + " and " + simulator.kalshiRestUrl());
        LOG.log(
                Level.INFO,
                "Polymarket simulator: " + simulator.polymarketWsUrl() + " and " + simulator.polymarketRestUrl());
        LOG.log(
                Level.INFO,
                config.scenarioFile() == null
                        ? "random walk, seed " + config.seed() + ", "
                                + config.markets().size() + " markets"
                        : "scripted scenario " + config.scenarioFile());
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.stop().await();
                            vertx.close().await();
                        },
                        "simulator-shutdown"));
    }

    /** Kalshi authentication from {@code --kalshi-public-key}; off when not given. */
    static KalshiSimulatorOptions kalshiOptions(String[] args, Map<String, String> env) throws IOException {
        String publicKey = options(args, env).get("--kalshi-public-key");
        return publicKey == null
                ? KalshiSimulatorOptions.DEFAULT
                : KalshiSimulatorOptions.DEFAULT.withAuth(KalshiSimulatorOptions.readPublicKey(Path.of(publicKey)));
    }

    static SimulatorConfig config(String[] args, Map<String, String> env) throws IOException {
        return build(options(args, env));
    }

    private static Map<String, String> options(String[] args, Map<String, String> env) {
        Map<String, String> options = new HashMap<>();
        OPTION_BY_ENV.forEach((variable, option) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                options.put(option, value);
            }
        });
        for (int i = 0; i < args.length; i++) {
            if (!OPTION_BY_ENV.containsValue(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "usage: SimulatorMain [--host H] [--kalshi-port P] [--polymarket-port P]"
                                + " [--pairs FILE] [--seed N] [--step-millis N] [--window-every N] [--scenario FILE]"
                                + " [--kalshi-public-key FILE] [--catalogue FILE|demo]; bad: " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static SimulatorConfig build(Map<String, String> options) throws IOException {
        String pairs = options.get("--pairs");
        String scenario = options.get("--scenario");
        String catalogue = options.get("--catalogue");
        return new SimulatorConfig(
                options.getOrDefault("--host", SimulatorConfig.LOOPBACK),
                Integer.parseInt(options.getOrDefault("--kalshi-port", "0")),
                Integer.parseInt(options.getOrDefault("--polymarket-port", "0")),
                pairs == null ? DEMO_MARKETS : PairsFile.read(Path.of(pairs)),
                Long.parseLong(options.getOrDefault("--seed", "42")),
                Long.parseLong(options.getOrDefault("--step-millis", "500")),
                Integer.parseInt(options.getOrDefault("--window-every", "20")),
                scenario == null ? null : Path.of(scenario),
                catalogue == null
                        ? null
                        : "demo".equals(catalogue)
                                ? SimulatorCatalogue.demo()
                                : SimulatorCatalogue.read(Path.of(catalogue)));
    }
}
