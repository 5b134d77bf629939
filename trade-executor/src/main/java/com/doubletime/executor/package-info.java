/**
 * The trade executor: decides on each opportunity, re-checks it right before sending, executes both legs (paper or
 * live), journals every step and reports. {@link com.doubletime.executor.TradeExecutorVerticle} is wiring only;
 * {@link com.doubletime.executor.TradeExecutor} assembles the plain parts below, which tests (and a backtest) drive
 * without Vert.x on an injected clock, scheduler and thread.
 *
 * <pre>
 *  dt.market-data ─────► BookMirror (own copy of every book; wakes decisions waiting for their books)
 *  dt.pairs.changed ───► CurrentPairs (the one owner of the pairs: decision, last look, legs, recovery, reconciler)
 *  dt.market-status ───► MarketBoard (each paired market's status, shard, result) ─► SettlementDesk: positions whose
 *                         markets both settled ─► journal PositionSettled ─► positions to zero, cash released, trades
 *                         SETTLED (dt.trades), Polymarket winnings redeemed; venues apart ─► RESOLUTION_DIVERGENCE
 *  dt.control ─────────► OperatorControl ─► journal ─► reply TradingControl | ControlRefused ; dt.control.events
 *  dt.opportunities ──► TradeLifecycle (lifecycle) ─────────────────────────────────────────────────────────────┐
 *                         │                                                                                     │
 *      TradeDecider ◄─────┤ decide: pair known and not suspended, controls, RiskGate (limits, per pair,       │
 *      (one per id)       │         minAnnualizedReturn), books usable, NotionalCap, min order size, CapitalDesk  │
 *                         │         (both legs payable from free cash, per Kalshi shard: sized down or refused);  │
 *                         │         short of cash: CapitalRanking decides the highest annualised return first     │
 *                         ├─► accepted: CapitalDesk holds both legs' cash until the report                      │
 *                         ├─► journal the decision (TradeJournal: durable before anything depends on it)        │
 *                         ├─► BookMirror.caughtUp (≤ 50 ms on the Scheduler)                                    │
 *                         ├─► LastLook: kill switch, the pair and its markets now, cash, books still hold it    │
 *                         │     └─ rejected ─► journal the REJECTED report ────────────────────────────────────┤
 *                         └─► VenueStrategy                                                                     │
 *                               ├─ PaperVenue (paper): IOC fill of both legs against the BookMirror, at once    │
 *                               └─ LiveVenue (live) ─► LiveExecution: journal both REQUESTED in one write ─►    │
 *                                    (Polymarket's with its order hash) ─►                                      │
 *                                    send both (Kalshi IOC/FOK, Polymarket FAK/FOK) ─► answers, polls, cancels  │
 *                                    (each journaled) ─► leg risk: LegRiskPolicy re-hedge / unwind, alerts      │
 *                                    ─► dt.execution (each step once journaled: OrderEvent, ExecutionAlert)     │
 *                         journal the report ◄───────────────────────────────────────────────────────────────────┘
 *                         ─► TradeHistory (dt.trades.query) ─► PositionBook (dt.positions.query, meters, limits)
 *                         ─► dt.trades (TradeReport)
 *
 *  start-up (before any subscription): journal.readBack ─► JournalFold (each event once; unreadable lines are
 *  damage: kill switch on until acknowledged, live refuses to start) ─► StartupRecovery.fold (positions, controls,
 *  interrupted live trades, settlements, the paper account, redeemables) ─► every decision without a report closed
 *  (TradeRecovery: reconciled with the venues, nothing re-sent; a Polymarket leg by its journaled order hash; or
 *  looked up by client order id; paper: no order was sent) ─► VenueWarmUp (one authenticated read per venue) ─►
 *  CashRefresher reads both venues' cash ─► subscribe.   live, periodic: PositionCheck ─► PositionReconciler
 *  (journal positions vs the venues' positions endpoints ─► POSITION_MISMATCH alerts); CashRefresher (on a timer,
 *  after every trade, after a refusal for funds)
 *
 *  every journal write ─► OutageProofRepository ─► TradeRepository (file, PostgreSQL): a write that fails or stalls
 *  starts an outage ─► TradeExecutor.journalUnavailable (halt: control state, one alert, lifecycle stops deciding);
 *  writes held in order, retried ─► journalBack (resume, or wait for an operator's acknowledgement)
 * </pre>
 *
 * <p>Packages: {@code lifecycle} (the flow and its ports: {@link com.doubletime.executor.lifecycle.VenueStrategy},
 * {@link com.doubletime.executor.lifecycle.TradeJournal}, {@link com.doubletime.executor.lifecycle.Scheduler}),
 * {@code risk} (decision and limits), {@code paper}, {@code live} (orders, leg risk, warm-up, reconciliation
 * rounds), {@code journal} (file and PostgreSQL repositories, the line reader), {@code control} (operator
 * commands), {@code recovery} (start-up), {@code position} (positions, their report and the venue comparison),
 * {@code capital} (cash, locked and free; sizing; the paper account; live cash reads; the ranking), {@code settlement}
 * (settled positions, divergences, redemptions).
 *
 * <p>Threading: single writer. Everything runs on the executor's thread (the verticle's event loop); a venue's
 * answer that completes elsewhere is continued there. Nothing is published before its journal write completed; if
 * the journal fails or stops answering the executor halts visibly (it can no longer record what it does) until the
 * journal records again, holding what it could not write; a decision older than {@code maxDecisionAgeMillis} at its
 * last look, or once its live requests are journaled, is never sent.
 *
 * <p>Seams for what comes next, so that none of it needs a second flow:
 * <ul>
 *   <li><b>Backtest</b>: drive {@code TradeLifecycle} (or the whole {@code TradeExecutor}) from a replayed capture
 *       with a virtual clock ({@code LongSupplier}), a virtual {@code Scheduler} and a direct {@code Executor}, and
 *       a simulated {@code VenueStrategy} whose orders reach a replayed book L ms later and fill IOC there
 *       ({@code PaperVenue.fill} against the books of that moment); {@code TradeLifecycleTest} does exactly this.</li>
 *   <li><b>Capital and settlement</b> (issue 12, packages {@code capital} and {@code settlement}): plain classes a
 *       backtest can use as they are: {@code CapitalDesk} in paper mode is the paper account, {@code TradeDecider}
 *       and {@code LastLook} take it (and a {@code MarketBoard}) in their constructors, and
 *       {@code TradeLifecycle.withCapital} adds the holds and the ranking on the backtest's own scheduler.</li>
 *   <li><b>Active/standby fail-over</b>: a fencing epoch checked in {@code LastLook} before each order (and by
 *       {@code LiveExecution} before a leg-risk order), with the epoch journaled so a stale active halts.</li>
 *   <li><b>Latency</b>: the only waits on the disk are the {@code TradeJournal} stages (the decision, the two
 *       REQUESTED records, the report); a journal that completes on write and flushes off the critical path
 *       plugs in there, with the crash-safety trade-off stated by {@code JournalSync}.</li>
 * </ul>
 *
 * <p>Choices worth knowing: max notional per trade bounds the cash outlay (both legs' cost plus fees) at the
 * <em>limit</em> prices, so it holds whatever an immediate-or-cancel order gets. Deploy one executor per cluster:
 * opportunities are published, so every instance would trade them.
 */
package com.doubletime.executor;
