package com.doubletime.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starting simulators and reading their REST endpoints from tests. */
final class Simulators {

    static final SimulatedMarket FED = new SimulatedMarket("FED-23DEC-T3.00", "0xfed", "1101", "1102", false);
    static final SimulatedMarket RAIN = new SimulatedMarket("RAIN-26DEC-NYC", "0xrain", "2201", "2202", true);
    static final List<SimulatedMarket> MARKETS = List.of(FED, RAIN);

    private Simulators() {}

    /** Random walk whose books never move. */
    static ExchangeSimulator still(Vertx vertx) {
        return walking(vertx, 0);
    }

    static ExchangeSimulator walking(Vertx vertx, long stepMillis) {
        return Await.result(ExchangeSimulator.start(
                vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, 42, stepMillis, 5, null)));
    }

    static ExchangeSimulator scripted(Vertx vertx, Path dir, String scenarioJson) {
        try {
            Path scenario = Files.writeString(dir.resolve("scenario.json"), scenarioJson);
            return Await.result(ExchangeSimulator.start(
                    vertx, new SimulatorConfig(SimulatorConfig.LOOPBACK, 0, 0, MARKETS, 1, 0, 0, scenario)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET an absolute URL; returns status, content type and body. */
    static Response get(Vertx vertx, String url) {
        HttpClientAgent client = vertx.createHttpClient();
        try {
            return Await.result(client.request(
                            new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url))
                    .compose(request -> request.send())
                    .compose(response -> response.body()
                            .map(body ->
                                    new Response(response.statusCode(), response.getHeader("content-type"), body))));
        } finally {
            client.close();
        }
    }

    record Response(int status, String contentType, Buffer body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        /** The body as a JSON array (Gamma lists); the flag only tells it apart from {@link #json()}. */
        io.vertx.core.json.JsonArray json(boolean array) {
            return new io.vertx.core.json.JsonArray(body);
        }
    }
}
