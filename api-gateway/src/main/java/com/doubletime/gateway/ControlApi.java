package com.doubletime.gateway;

import com.doubletime.bus.Addresses;
import com.doubletime.bus.protocol.ControlCommand;
import com.doubletime.bus.protocol.ControlNotRecorded;
import com.doubletime.bus.protocol.ControlRefused;
import com.doubletime.cluster.config.PairsFileStore;
import com.doubletime.cluster.config.PairsLoader;
import com.doubletime.domain.MarketPair;
import com.doubletime.domain.PairsFileException;
import com.doubletime.domain.event.PairsChanged;
import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.TradingControl;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The operator's control API: the executor's controls and risk limits ({@code /api/control…}, {@code
 * /api/risk-limits}), sent as {@link ControlCommand}s and answered with its state once journaled or its refusal,
 * and the configured pairs ({@code /api/pairs…}), which the gateway owns and announces on
 * {@link Addresses#PAIRS_CHANGED}. The executor's state carries which executor instance answers as the active one
 * ({@code executor}, {@link ExecutorBoard}). Bodies are strict ({@link JsonBodies}); a risk-limit change is validated by the
 * executor, where the limits' rules live, and its refusal names the field.
 */
final class ControlApi {
    private static final System.Logger LOG = System.getLogger(ControlApi.class.getName());
    private static final int OK = 200;
    private static final int CREATED = 201;

    private final Vertx vertx;
    private final ServiceRequests services;
    private final PairsApi pairs;
    private final ExecutorBoard executors;
    private final Path pairsFile;
    /** Where pairs changed over the API are kept across restarts; null without a pairs file. */
    private final PairsFileStore pairsStore;
    /** Why the pairs file cannot be rewritten (pair changes are then refused), or null. */
    private final String pairsStoreUnwritable;
    /** Each paired market's status, for {@code GET /api/pairs}. */
    private final MarketStatusBoard statuses;

    /**
     * @param pairsFile what {@code POST /api/pairs/reload} reads again and pair changes are saved to; null disables
     *     both
     */
    ControlApi(
            Vertx vertx,
            ServiceRequests services,
            PairsApi pairs,
            ExecutorBoard executors,
            Path pairsFile,
            MarketStatusBoard statuses) {
        this.statuses = statuses;
        this.vertx = vertx;
        this.services = services;
        this.pairs = pairs;
        this.executors = executors;
        this.pairsFile = pairsFile;
        this.pairsStore = pairsFile == null ? null : new PairsFileStore(pairsFile);
        this.pairsStoreUnwritable = pairsStore == null ? null : pairsStore.unwritableReason();
        if (pairsStore != null) {
            LOG.log(
                    pairsStoreUnwritable == null ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    pairsStoreUnwritable == null
                            ? "pairs changed over the API are saved to " + pairsStore.file() + " (the previous version"
                                    + " to " + pairsStore.backup() + ")"
                            : "pairs cannot be changed over the API: the pairs file cannot be rewritten ("
                                    + pairsStoreUnwritable + ")");
        }
    }

    void mount(Router router) {
        router.get("/api/control").handler(rc -> ask(rc, new ControlCommand.Status(), false));
        router.post("/api/control/pause").handler(rc -> ask(rc, new ControlCommand.Pause(reason(rc)), false));
        router.post("/api/control/resume").handler(rc -> ask(rc, new ControlCommand.Resume(reason(rc)), false));
        router.post("/api/control/kill-switch").handler(this::killSwitch);
        router.post("/api/control/acknowledge")
                .handler(rc -> ask(rc, new ControlCommand.Acknowledge(reason(rc)), false));
        router.get("/api/risk-limits").handler(rc -> ask(rc, new ControlCommand.Status(), true));
        router.patch("/api/risk-limits").handler(this::updateRiskLimits);

        router.get("/api/pairs")
                .handler(rc -> HttpJson.send(rc, pairs.list(statuses).encode()));
        router.post("/api/pairs")
                .handler(rc -> changePairs(rc, CREATED, () -> pairs.add(JsonBodies.object(rc, false))));
        router.post("/api/pairs/reload").handler(this::reloadPairs);
        router.delete("/api/pairs/:id").handler(rc -> changePairs(rc, OK, () -> pairs.remove(rc.pathParam("id"))));
    }

    private static String reason(RoutingContext rc) {
        Map<String, Object> body = JsonBodies.object(rc, true);
        JsonBodies.allowOnly(body, Set.of("reason"), "");
        Object reason = body.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw new ApiErrors.BadRequest("reason", "reason must be a string");
        }
        return (String) reason;
    }

    private void killSwitch(RoutingContext rc) {
        Map<String, Object> body = JsonBodies.object(rc, false);
        JsonBodies.allowOnly(body, Set.of("on", "reason"), "");
        if (!(body.get("on") instanceof Boolean on)) {
            throw new ApiErrors.BadRequest("on", "on must be true or false");
        }
        if (body.get("reason") != null && !(body.get("reason") instanceof String)) {
            throw new ApiErrors.BadRequest("reason", "reason must be a string");
        }
        ask(rc, new ControlCommand.KillSwitch(on, (String) body.get("reason")), false);
    }

    private void updateRiskLimits(RoutingContext rc) {
        Map<String, Object> body = JsonBodies.object(rc, false);
        ask(rc, new ControlCommand.ChangeRiskLimits(castMap(JsonBodies.plain(body)), null), true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }

    /**
     * The executor's state (or only its limits), or its refusal with the field to blame. A change says whether the
     * journal recorded it: a pause or kill switch the journal could not record is in force all the same (200,
     * {@code "persisted": false} and a warning).
     */
    private void ask(RoutingContext rc, ControlCommand command, boolean limitsOnly) {
        boolean change = !(command instanceof ControlCommand.Status);
        services.request(Addresses.CONTROL, command)
                .onSuccess(reply -> {
                    if (reply instanceof TradingControl state) {
                        JsonObject json = new JsonObject(TradeJournalJson.controlState(state));
                        if (change && !limitsOnly) {
                            json.put("persisted", true);
                        }
                        HttpJson.send(
                                rc,
                                (limitsOnly
                                                ? json.getJsonObject("riskLimits")
                                                : json.put("executor", executors.json(System.currentTimeMillis())))
                                        .encode());
                    } else if (reply instanceof ControlNotRecorded notRecorded) {
                        HttpJson.send(
                                rc,
                                new JsonObject(TradeJournalJson.controlState(notRecorded.state()))
                                        .put("persisted", false)
                                        .put("warning", notRecorded.warning())
                                        .put("executor", executors.json(System.currentTimeMillis()))
                                        .encode());
                    } else if (reply instanceof ControlRefused refused) {
                        ApiErrors.send(rc, refused.status(), refused.error(), refused.field());
                    } else {
                        ApiErrors.send(
                                rc, ApiErrors.BAD_GATEWAY, ServiceRequests.TRADE_EXECUTOR + " answered " + reply, null);
                    }
                })
                .onFailure(failure -> ServiceRequests.notAnswered(rc, failure, ServiceRequests.TRADE_EXECUTOR));
    }

    /**
     * Applies a pair change, saves the whole list into the pairs file, then announces it; a change that cannot be
     * saved is undone and refused, so what runs is always what a restart would load. The save runs on the event
     * loop on purpose: it is rare, small (one flush), and keeps concurrent changes strictly in order.
     */
    private void changePairs(RoutingContext rc, int status, Supplier<PairsChanged> change) {
        if (pairsStoreUnwritable != null) {
            throw new ApiErrors.Conflict(
                    null,
                    "pairs cannot be changed over the API: the pairs file cannot be rewritten (" + pairsStoreUnwritable
                            + "), so the change would be lost at the next restart");
        }
        List<MarketPair> before = pairs.pairs();
        PairsChanged changed = change.get();
        if (pairsStore != null) {
            try {
                pairsStore.save(changed.pairs());
            } catch (IOException e) {
                pairs.replaceAll(before);
                LOG.log(System.Logger.Level.ERROR, "pair change undone: " + e.getMessage());
                ApiErrors.send(rc, ApiErrors.INTERNAL_ERROR, "the change was not made: " + e.getMessage(), null);
                return;
            }
        }
        announce(rc, status, changed);
    }

    private void announce(RoutingContext rc, int status, PairsChanged change) {
        vertx.eventBus().publish(Addresses.PAIRS_CHANGED, change);
        LOG.log(System.Logger.Level.INFO, "pairs changed through the API: added " + PairsApi.changeJson(change));
        rc.response().setStatusCode(status);
        HttpJson.send(rc, PairsApi.changeJson(change).encode());
    }

    private void reloadPairs(RoutingContext rc) {
        JsonBodies.allowOnly(JsonBodies.object(rc, true), Set.of(), "");
        if (pairsFile == null) {
            throw new ApiErrors.Conflict(null, "no pairs file is configured to reload");
        }
        PairsLoader.load(vertx, pairsFile).onComplete(loaded -> {
            if (loaded.succeeded()) {
                try {
                    announce(rc, OK, pairs.replaceAll(loaded.result()));
                } catch (PairsFileException e) {
                    ApiErrors.send(rc, ApiErrors.BAD_REQUEST, e.getMessage(), e.field());
                }
            } else if (loaded.cause() instanceof PairsFileException e) {
                ApiErrors.send(rc, ApiErrors.BAD_REQUEST, e.getMessage(), e.field() == null ? "pairsFile" : e.field());
            } else {
                ApiErrors.send(
                        rc,
                        ApiErrors.INTERNAL_ERROR,
                        "cannot reload the pairs file: " + loaded.cause().getMessage(),
                        null);
            }
        });
    }
}
