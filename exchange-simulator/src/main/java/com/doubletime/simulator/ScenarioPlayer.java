package com.doubletime.simulator;

import io.vertx.core.Vertx;

/**
 * Plays a {@link Scenario}'s steps once, starting when a client has subscribed on both venues so no
 * client misses a step. Runs on the simulator's event loop.
 */
final class ScenarioPlayer {

    private final Vertx vertx;
    private final SimulatedBooks books;
    private final Scenario scenario;
    private final ProbeSlot probe;
    private final SimulatedLifecycle lifecycle;
    private boolean kalshiSubscribed;
    private boolean polymarketSubscribed;
    private boolean started;
    private long timerId = -1;

    ScenarioPlayer(Vertx vertx, SimulatedBooks books, Scenario scenario) {
        this(vertx, books, scenario, new ProbeSlot(), null);
    }

    /** @param lifecycle where the steps' market changes go; null when the script has none */
    ScenarioPlayer(
            Vertx vertx, SimulatedBooks books, Scenario scenario, ProbeSlot probe, SimulatedLifecycle lifecycle) {
        this.probe = probe;
        this.lifecycle = lifecycle;
        this.vertx = vertx;
        this.books = books;
        this.scenario = scenario;
    }

    void onKalshiSubscribed() {
        kalshiSubscribed = true;
        startWhenBothSubscribed();
    }

    void onPolymarketSubscribed() {
        polymarketSubscribed = true;
        startWhenBothSubscribed();
    }

    void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void startWhenBothSubscribed() {
        if (!started && kalshiSubscribed && polymarketSubscribed) {
            started = true;
            schedule(0);
        }
    }

    private void schedule(int index) {
        if (index >= scenario.steps().size()) {
            timerId = -1;
            return; // the books stay as the last step left them
        }
        Scenario.Step step = scenario.steps().get(index);
        // a Vert.x timer needs at least 1 ms; it also lets the subscription's snapshot frames go out first
        timerId = vertx.setTimer(Math.max(1, step.delayMillis()), id -> {
            // timed before the frames are written: the stack may read them, decide and order before play returns
            long sending = System.nanoTime();
            play(step);
            probe.get().stepSent(index, sending);
            schedule(index + 1);
        });
    }

    private void play(Scenario.Step step) {
        for (KalshiDelta delta : step.kalshi()) {
            books.applyKalshi(delta.ticker(), delta.side(), delta.price(), delta.delta());
        }
        if (!step.polymarket().isEmpty()) {
            books.applyPolymarket(step.polymarket());
        }
        if (!step.markets().isEmpty()) {
            long now = System.currentTimeMillis();
            step.markets().forEach(change -> lifecycle.apply(change, now));
            lifecycle.flush();
        }
    }
}
