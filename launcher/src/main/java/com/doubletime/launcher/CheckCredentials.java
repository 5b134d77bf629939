package com.doubletime.launcher;

import com.doubletime.domain.order.VenueBalance;
import com.doubletime.kalshi.auth.KalshiCredentials;
import com.doubletime.kalshi.auth.KalshiSigner;
import com.doubletime.kalshi.order.KalshiOrderGateway;
import com.doubletime.kalshi.rest.KalshiApiException;
import com.doubletime.kalshi.rest.KalshiRestClient;
import com.doubletime.kalshi.rest.KalshiRestConfig;
import com.doubletime.polymarket.PolymarketFeedConfig;
import com.doubletime.polymarket.order.PolymarketCredentials;
import com.doubletime.polymarket.order.PolymarketGatewayConfig;
import com.doubletime.polymarket.order.PolymarketMarketCatalog;
import com.doubletime.polymarket.order.PolymarketOrderGateway;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./double-time check-credentials}: reads one balance per venue with the credentials in the environment and
 * says plainly what works and what is missing — key id, key file, the venue's answer (rejected key, missing
 * permission), clock skew, Polymarket's signature type and funder. Never prints a secret: key files and private
 * keys are named by their variable, the Kalshi key id by its first characters only. Sends no order.
 */
final class CheckCredentials {
    static final String COMMAND = "check-credentials";
    /** Kalshi documents no timestamp tolerance; beyond this a skew is worth fixing before it is a 401. */
    static final long SKEW_WARNING_SECONDS = 5;

    private static final int SHOWN_KEY_ID_CHARS = 8;
    private static final int CENTS = 2;
    private static final long HTTP_SUCCESS_FROM = 200;
    private static final long HTTP_SUCCESS_TO = 299;

    private final Map<String, String> env;
    private final long timeoutSeconds;
    private final List<String> report = new ArrayList<>();

    private CheckCredentials(Map<String, String> env, long timeoutSeconds) {
        this.env = env;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Command(
            name = COMMAND,
            sortOptions = false,
            showDefaultValues = true,
            description = {
                "Reads one balance per venue with the credentials in the environment and says what works and what is"
                        + " missing. Prints no secret and sends no order. Exits 0 when both venues answer.",
                "",
                "Kalshi:     KALSHI_API_KEY_ID, KALSHI_PRIVATE_KEY_PEM_PATH (also needed for market data), KALSHI_REST_URL",
                "Polymarket: POLYMARKET_PRIVATE_KEY (or _FILE), POLYMARKET_SIGNATURE_TYPE (0 EOA, 1 proxy, 2 Safe,"
                        + " 3 1271), POLYMARKET_FUNDER (types 1-3), POLYMARKET_API_KEY/_SECRET/_PASSPHRASE (or derived),"
                        + " POLYMARKET_CLOB_URL",
                ""
            })
    static final class Options {
        @Option(names = "--timeout-seconds", paramLabel = "N", description = "how long to wait for each venue")
        long timeoutSeconds = 15;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "show this help and exit")
        boolean help;
    }

    static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** 0 when both venues answered with a balance, 1 otherwise, 2 for a bad command line. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Cli.Parsed<Options> parsed = Cli.parse(new Options(), args, out, err);
        if (!parsed.run()) {
            return parsed.exitCode();
        }
        if (parsed.options().timeoutSeconds < 1) {
            return Cli.usageError(COMMAND, "--timeout-seconds must be 1 or more", err);
        }
        CheckCredentials check = new CheckCredentials(env, parsed.options().timeoutSeconds);
        Vertx vertx = Vertx.vertx();
        boolean kalshi;
        boolean polymarket;
        try {
            kalshi = check.kalshi(vertx);
            polymarket = check.polymarket(vertx);
        } finally {
            vertx.close().await();
        }
        check.report.forEach(out::println);
        out.println();
        out.println("Kalshi: " + (kalshi ? "works" : "NOT working") + ". Polymarket: "
                + (polymarket ? "works" : "NOT working") + ".");
        return kalshi && polymarket ? Cli.OK : Cli.FAILED;
    }

    private void say(String line) {
        report.add(line);
    }

    private boolean kalshi(Vertx vertx) {
        String restUrl = url(RealVenues.KALSHI_REST_URL, KalshiRestConfig.PRODUCTION_URL);
        say("Kalshi (" + restUrl + ")");
        String keyId = blankToNull(env.get(KalshiCredentials.ENV_API_KEY_ID));
        String pemPath = blankToNull(env.get(KalshiCredentials.ENV_PRIVATE_KEY_PEM_PATH));
        say("  " + KalshiCredentials.ENV_API_KEY_ID + "           "
                + (keyId == null ? "MISSING" : "set (" + shown(keyId) + ")"));
        say("  " + KalshiCredentials.ENV_PRIVATE_KEY_PEM_PATH + " " + (pemPath == null ? "MISSING" : "set"));
        if (keyId == null || pemPath == null) {
            say("  -> create an API key in Kalshi's account settings (Profile > API Keys), save the private key"
                    + " file, and set both variables. Kalshi needs the key even for market data.");
            return false;
        }
        Optional<KalshiCredentials> credentials;
        try {
            credentials = KalshiCredentials.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            say("  key file            NOT USABLE: " + e.getMessage());
            return false;
        }
        say("  key file            an RSA private key, read");
        KalshiRestClient rest = new KalshiRestClient(
                vertx,
                KalshiRestConfig.of(restUrl).withRequestTimeoutMillis(TimeUnit.SECONDS.toMillis(timeoutSeconds)),
                new KalshiSigner(credentials.orElseThrow()));
        try {
            say("  clock skew          " + skew(kalshiServerTime(vertx, restUrl)));
            VenueBalance balance = await(new KalshiOrderGateway(rest).balance().toCompletableFuture());
            say("  balance             " + dollars(balance.available()) + " (GET /portfolio/balance, signed: the key"
                    + " is accepted and may read the portfolio)");
            return true;
        } catch (KalshiApiException e) {
            say("  balance             REFUSED: " + e.getMessage());
            if (e.status() == HttpStatus.FORBIDDEN) {
                say("  -> the key is known but may not read the portfolio: give it read (and, to trade, write) scope");
            }
            return false;
        } catch (Exception e) {
            say("  balance             NOT READ: " + describe(e));
            if (unreachable(e)) {
                say("  -> the venue could not be reached from this machine: check the network and "
                        + RealVenues.KALSHI_REST_URL);
            }
            return false;
        } finally {
            rest.close();
        }
    }

    private boolean polymarket(Vertx vertx) {
        String clobUrl = url(RealVenues.POLYMARKET_CLOB_URL, PolymarketFeedConfig.PRODUCTION_REST_URL);
        say("Polymarket (" + clobUrl + ")");
        PolymarketCredentials credentials;
        try {
            credentials = PolymarketCredentials.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            say("  credentials         NOT USABLE: " + e.getMessage());
            say("  -> POLYMARKET_PRIVATE_KEY is the wallet's 32-byte hex key (or POLYMARKET_PRIVATE_KEY_FILE);"
                    + " a proxy or Safe wallet also needs POLYMARKET_SIGNATURE_TYPE and POLYMARKET_FUNDER");
            return false;
        }
        say("  signer address      " + credentials.signer().address());
        say("  signature type      " + credentials.signatureType()
                + (credentials.funder() == null ? "" : ", funder " + credentials.funder()));
        say("  funds held by       " + credentials.maker());
        say("  API credentials     "
                + (credentials.api() == null
                        ? "not set: derived from the key (GET /auth/derive-api-key)"
                        : "set (POLYMARKET_API_KEY, _SECRET, _PASSPHRASE)"));
        PolymarketOrderGateway gateway = PolymarketOrderGateway.create(
                vertx,
                PolymarketGatewayConfig.of(clobUrl, clobUrl),
                credentials,
                PolymarketMarketCatalog.of(List.of()));
        try {
            say("  clock skew          " + skew(polymarketServerTime(vertx, clobUrl)));
            VenueBalance balance = await(gateway.balance().toCompletableFuture());
            say("  balance             " + dollars(balance.available()) + " pUSD (GET /balance-allowance with L2"
                    + " headers: the API credentials work for the funder above)");
            if (balance.available().signum() == 0 && credentials.funder() == null) {
                say("  -> a zero balance with signature type EOA: if your funds sit in a Polymarket proxy or Safe"
                        + " wallet, set POLYMARKET_SIGNATURE_TYPE and POLYMARKET_FUNDER");
            }
            return true;
        } catch (Exception e) {
            say("  balance             NOT READ: " + describe(e));
            say(
                    unreachable(e)
                            ? "  -> the venue could not be reached from this machine: check the network and "
                                    + RealVenues.POLYMARKET_CLOB_URL
                            : "  -> check the signature type and funder (the wallet that holds the funds), and that the API"
                                    + " credentials were made for this key");
            return false;
        }
    }

    /** The venue's clock in epoch seconds, from the {@code Date} header of a public request; empty if unknown. */
    private Optional<Long> kalshiServerTime(Vertx vertx, String restUrl) {
        try {
            WebClient web = WebClient.create(
                    vertx, new WebClientOptions().setConnectTimeout((int) TimeUnit.SECONDS.toMillis(timeoutSeconds)));
            String date = web.getAbs(restUrl + "/exchange/status")
                    .timeout(TimeUnit.SECONDS.toMillis(timeoutSeconds))
                    .send()
                    .await(timeoutSeconds, TimeUnit.SECONDS)
                    .getHeader("Date");
            web.close();
            return date == null
                    ? Optional.empty()
                    : Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toEpochSecond());
        } catch (DateTimeParseException | IllegalStateException e) {
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Polymarket's {@code GET /time}: the CLOB's clock in epoch seconds. */
    private Optional<Long> polymarketServerTime(Vertx vertx, String clobUrl) {
        try {
            WebClient web = WebClient.create(vertx);
            var response = web.getAbs(clobUrl + "/time")
                    .timeout(TimeUnit.SECONDS.toMillis(timeoutSeconds))
                    .send()
                    .await(timeoutSeconds, TimeUnit.SECONDS);
            web.close();
            if (response.statusCode() < HTTP_SUCCESS_FROM || response.statusCode() > HTTP_SUCCESS_TO) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(response.bodyAsString().strip()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String skew(Optional<Long> serverSeconds) {
        if (serverSeconds.isEmpty()) {
            return "not measured (the venue's time could not be read)";
        }
        long skew = Instant.now().getEpochSecond() - serverSeconds.get();
        String said = String.format(Locale.ROOT, "%+d s (this machine minus the venue, 1 s resolution)", skew);
        return Math.abs(skew) > SKEW_WARNING_SECONDS
                ? said + " TOO LARGE: signed requests carry a timestamp; sync the clock (NTP)"
                : said + " ok";
    }

    private <T> T await(CompletableFuture<T> future) throws Exception {
        return Future.fromCompletionStage(future).await(timeoutSeconds, TimeUnit.SECONDS);
    }

    private String url(String variable, String production) {
        String value = blankToNull(env.get(variable));
        return value == null ? production : value;
    }

    private static String shown(String keyId) {
        return keyId.length() <= SHOWN_KEY_ID_CHARS
                ? keyId.length() + " characters"
                : keyId.substring(0, SHOWN_KEY_ID_CHARS) + "…, " + keyId.length() + " characters";
    }

    private static String dollars(BigDecimal amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount.setScale(CENTS, RoundingMode.DOWN));
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
        return cause.getClass().getSimpleName().equals("TimeoutException")
                ? "no answer (timed out): is the venue reachable from this machine?"
                : String.valueOf(cause.getMessage());
    }

    /** A failure to reach the venue at all, as opposed to the venue's answer. */
    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The HTTP statuses named here. */
    private static final class HttpStatus {
        static final int FORBIDDEN = 403;

        private HttpStatus() {}
    }
}
