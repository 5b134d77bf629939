package com.doubletime.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CLOB's order entry for the simulated venue: validates a {@code POST /order} body the way the real
 * server does (strict V2 typing, owner and signer bound to the API key, EIP-712 signature, duplicates,
 * market-order precision, minimum size), matches FOK/FAK against the simulated book — consuming the
 * liquidity, so the market channel reports it — and remembers every order for {@code GET /data/order}.
 * Runs on the simulator's event loop.
 *
 * <p>A BUY of {@code takerAmount} shares spending at most {@code makerAmount} pUSD fills those shares at
 * the resting asks no worse than {@code makerAmount/takerAmount}; a SELL of {@code makerAmount} shares
 * fills at bids no worse than {@code takerAmount/makerAmount}. Resting orders (GTC/GTD) are refused: the
 * simulator's books are driven by its scenario, not by clients.
 */
final class PolymarketOrderDesk {

    /** An answer: HTTP status, JSON body, optional Retry-After seconds. */
    record Reply(int status, JsonObject body, Integer retryAfter) {
        static Reply error(int status, String message) {
            return new Reply(status, PolymarketFrames.error(message), null);
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern BYTES32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final long MICRO = 1_000_000;
    private static final int TRADES_PAGE = 100;
    /** Simulator price scale 4 → micro, size scale 2 → micro. */
    private static final long PRICE_TO_MICRO = 100;

    private static final long SIZE_TO_MICRO = 10_000;
    static final long DELAY_MILLIS = 300;

    private final Vertx vertx;
    private final SimulatedBooks books;
    private final Map<String, String> complementByToken = new LinkedHashMap<>();
    private final PolymarketFaults faults;
    private final long chainId;
    private final Map<String, JsonObject> orders = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> positionsByMaker = new LinkedHashMap<>();
    /** pUSD each wallet holds on chain, micro-dollars, by lower-case address. */
    private final Map<String, Long> cashMicrosByWallet = new LinkedHashMap<>();
    /** The CLOB's cached view of each wallet's balance: refreshed by its own trades and by /balance-allowance/update. */
    private final Map<String, Long> cachedMicrosByWallet = new LinkedHashMap<>();

    private SimulatedLifecycle lifecycle;
    private java.util.function.LongSupplier startingCashMicros = () -> PolymarketVenue.DEFAULT_STARTING_CASH_MICROS;
    private long trades;
    /** Every match, oldest first, as {@code GET /data/trades} lists it (polymarket.md §3.5). */
    private final List<JsonObject> tradeLog = new ArrayList<>();

    PolymarketOrderDesk(
            Vertx vertx, SimulatedBooks books, List<SimulatedMarket> markets, PolymarketFaults faults, long chainId) {
        this.vertx = vertx;
        this.books = books;
        this.faults = faults;
        this.chainId = chainId;
        for (SimulatedMarket market : markets) {
            complementByToken.put(market.yesTokenId(), market.noTokenId());
            complementByToken.put(market.noTokenId(), market.yesTokenId());
        }
    }

    /** The markets' status and results; null = every market open. */
    PolymarketOrderDesk lifecycle(SimulatedLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        return this;
    }

    /** pUSD a wallet starts with, micro-dollars. */
    PolymarketOrderDesk startingCash(java.util.function.LongSupplier micros) {
        this.startingCashMicros = micros;
        return this;
    }

    private long cash(String wallet) {
        return cashMicrosByWallet.computeIfAbsent(wallet.toLowerCase(), w -> startingCashMicros.getAsLong());
    }

    private void addCash(String wallet, long micros) {
        String key = wallet.toLowerCase();
        long now = cash(key) + micros;
        cashMicrosByWallet.put(key, now);
    }

    /** The balance {@code GET /balance-allowance} reports: the CLOB's cached view, taken on first sight. */
    long reportedBalance(String wallet) {
        String key = wallet.toLowerCase();
        return cachedMicrosByWallet.computeIfAbsent(key, this::cash);
    }

    /** {@code GET /balance-allowance/update}: the CLOB reads the wallet again. */
    void refreshBalance(String wallet) {
        String key = wallet.toLowerCase();
        cachedMicrosByWallet.put(key, cash(key));
    }

    /** Shares of {@code tokenId} a wallet holds, micro-shares. */
    long shares(String wallet, String tokenId) {
        return positionsByMaker.getOrDefault(wallet.toLowerCase(), Map.of()).getOrDefault(tokenId, 0L);
    }

    /**
     * Redeems a wallet's positions in a resolved market (what {@code redeemPositions} does on chain): up to
     * {@code maxYes} / {@code maxNo} micro-shares of each token pay their payout in pUSD to the wallet and are burnt.
     * Returns the micro-dollars paid, or -1 when the market is not resolved (the contract reverts).
     *
     * @param conditionWord the condition id as the call's bytes32 word (hex)
     */
    long redeem(String wallet, String conditionWord, long maxYes, long maxNo) {
        PolymarketMarketState market = lifecycle == null ? null : lifecycle.polymarketByConditionWord(conditionWord);
        if (market == null || !market.resolved()) {
            return -1;
        }
        Map<String, Long> held = positionsByMaker.computeIfAbsent(wallet.toLowerCase(), w -> new LinkedHashMap<>());
        long paid = 0;
        String[] tokens = {market.market.yesTokenId(), market.market.noTokenId()};
        long[] limits = {maxYes, maxNo};
        for (int i = 0; i < tokens.length; i++) {
            long shares = Math.min(limits[i], held.getOrDefault(tokens[i], 0L));
            if (shares > 0) {
                paid += BigInteger.valueOf(shares)
                        .multiply(BigInteger.valueOf(market.payoutMicros(tokens[i])))
                        .divide(BigInteger.valueOf(MICRO))
                        .longValueExact();
                held.merge(tokens[i], -shares, Long::sum);
            }
        }
        addCash(wallet, paid);
        return paid;
    }

    /** Gives a wallet shares without a trade (tests): micro-shares of one token. */
    void grant(String wallet, String tokenId, long microShares) {
        positionsByMaker
                .computeIfAbsent(wallet.toLowerCase(), w -> new LinkedHashMap<>())
                .merge(tokenId, microShares, Long::sum);
    }

    /** pUSD a wallet holds on chain, micro-dollars (what a redemption pays into). */
    long walletCash(String wallet) {
        return cash(wallet);
    }

    /** Before authentication: the rate limiter and the restarting engine answer first. */
    Reply gate() {
        if (faults.takeRateLimited()) {
            return new Reply(429, PolymarketFrames.error("Too Many Requests"), faults.retryAfterSeconds());
        }
        if (faults.takeTooEarly()) {
            return new Reply(
                    425,
                    PolymarketFrames.error("Too Early: the matching engine is restarting"),
                    faults.retryAfterSeconds());
        }
        return null;
    }

    Reply place(PolymarketAccount account, String bodyText) {
        JsonObject body;
        try {
            body = new JsonObject(bodyText);
        } catch (DecodeException | ClassCastException e) {
            return Reply.error(400, "Invalid order payload");
        }
        JsonObject order = body.getValue("order") instanceof JsonObject o ? o : null;
        if (order == null) {
            return Reply.error(400, "Invalid order payload");
        }
        if (order.containsKey("nonce") || order.containsKey("feeRateBps") || order.containsKey("taker")) {
            return Reply.error(400, "invalid order version, please use the latest clob-client");
        }
        String malformed = malformed(body, order);
        if (malformed != null) {
            return Reply.error(400, "Invalid order payload: " + malformed);
        }
        if (!account.apiKey().equals(body.getString("owner"))) {
            return Reply.error(400, "the order owner has to be the owner of the API KEY");
        }
        int type = order.getInteger("signatureType");
        String signer = order.getString("signer");
        String maker = order.getString("maker");
        boolean bound = type == 3
                ? account.funder() != null
                        && signer.equalsIgnoreCase(account.funder())
                        && maker.equalsIgnoreCase(signer)
                : signer.equalsIgnoreCase(account.address());
        if (!bound) {
            return Reply.error(400, "the order signer address has to be the address of the API KEY");
        }
        String tokenId = order.getString("tokenId");
        if (books.polymarket(tokenId) == null) {
            return Reply.error(400, "Invalid order payload: unknown token id " + tokenId);
        }
        String recovered = PolymarketSignatureCheck.orderSigner(order, chainId);
        boolean makerOk = type == 0
                ? maker.equalsIgnoreCase(signer)
                : type == 3 || account.funder() != null && maker.equalsIgnoreCase(account.funder());
        if (recovered == null || !recovered.equalsIgnoreCase(account.address()) || !makerOk) {
            return Reply.error(400, "invalid signature");
        }
        String hash = PolymarketSignatureCheck.orderHash(order, chainId);
        if (orders.containsKey(hash)) {
            return Reply.error(400, "order " + hash + " is invalid. Duplicated.");
        }
        String orderType = body.getString("orderType");
        if (!orderType.equals("FOK") && !orderType.equals("FAK")) {
            return Reply.error(400, "Invalid order payload: the simulator takes FOK and FAK orders only");
        }
        boolean buy = "BUY".equals(order.getString("side"));
        long makerAmount = Long.parseLong(order.getString("makerAmount"));
        long takerAmount = Long.parseLong(order.getString("takerAmount"));
        if (makerAmount % 10_000 != 0 || takerAmount % 100 != 0) {
            return Reply.error(
                    400,
                    "invalid amounts, the market " + (buy ? "buy" : "sell") + " orders maker amount "
                            + "supports a max accuracy of 2 decimals, taker amount a max of 4 decimals");
        }
        long shares = buy ? takerAmount : makerAmount;
        long minimum = Long.parseLong(PolymarketFrames.MIN_ORDER_SIZE) * MICRO;
        if (shares < minimum) {
            return Reply.error(
                    400,
                    "order " + hash + " is invalid. Size (" + decimal(shares) + ") lower than the minimum: "
                            + PolymarketFrames.MIN_ORDER_SIZE);
        }
        PolymarketMarketState state = lifecycle == null ? null : lifecycle.polymarketByToken(tokenId);
        if (state != null && !state.tradable()) {
            // assumed wording for a paused or closed market: the error-codes page lists this one for "not ready"
            return Reply.error(400, "the market is not yet ready to process new orders");
        }
        if (buy ? makerAmount > cash(maker) : shares > shares(maker, tokenId)) {
            return Reply.error(400, "not enough balance / allowance");
        }
        JsonObject record = new JsonObject()
                .put("id", hash)
                .put("status", "LIVE")
                .put("owner", account.apiKey())
                .put("maker_address", maker)
                .put("market", books.conditionId(tokenId))
                .put("asset_id", tokenId)
                .put("side", order.getString("side"))
                .put("original_size", decimal(shares))
                .put("size_matched", "0")
                .put("price", decimal(limitPriceMicro(buy, makerAmount, takerAmount)))
                .put("associate_trades", new JsonArray())
                .put("outcome", "")
                .put("created_at", System.currentTimeMillis() / 1000)
                .put("expiration", order.getString("expiration"))
                .put("order_type", orderType);
        if (faults.takeDelayed()) {
            record.put("status", "DELAYED");
            orders.put(hash, record);
            // sports-style matching delay: decided later, reported through GET /data/order
            vertx.setTimer(DELAY_MILLIS, id -> match(record, buy, makerAmount, takerAmount, orderType));
            return new Reply(200, response(hash, "delayed", "", "", List.of()), null);
        }
        orders.put(hash, record);
        return match(record, buy, makerAmount, takerAmount, orderType);
    }

    private Reply match(JsonObject record, boolean buy, long makerAmount, long takerAmount, String orderType) {
        String hash = record.getString("id");
        String tokenId = record.getString("asset_id");
        PolymarketBook book = books.polymarket(tokenId);
        long wanted = buy ? takerAmount : makerAmount;
        NavigableMap<Long, Long> levels =
                buy ? book.asks().ascending() : book.bids().ascending().descendingMap();
        List<long[]> fills = new ArrayList<>(); // price (scale 4), shares (micro)
        long available = 0;
        for (Map.Entry<Long, Long> level : levels.entrySet()) {
            long priceMicro = level.getKey() * PRICE_TO_MICRO;
            boolean acceptable = buy
                    ? BigInteger.valueOf(priceMicro)
                                    .multiply(BigInteger.valueOf(takerAmount))
                                    .compareTo(BigInteger.valueOf(makerAmount).multiply(BigInteger.valueOf(MICRO)))
                            <= 0
                    : BigInteger.valueOf(priceMicro)
                                    .multiply(BigInteger.valueOf(makerAmount))
                                    .compareTo(BigInteger.valueOf(takerAmount).multiply(BigInteger.valueOf(MICRO)))
                            >= 0;
            if (!acceptable || available >= wanted) {
                break;
            }
            long take = Math.min(wanted - available, level.getValue() * SIZE_TO_MICRO);
            fills.add(new long[] {level.getKey(), take});
            available += take;
        }
        if (available == 0 || orderType.equals("FOK") && available < wanted) {
            record.put("status", "CANCELED");
            String message = orderType.equals("FOK")
                    ? "order couldn't be fully filled. FOK orders are fully filled or killed."
                    : "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.";
            return Reply.error(400, message);
        }
        List<PolymarketLevelUpdate> updates = new ArrayList<>();
        BigDecimal usdc = BigDecimal.ZERO;
        PolymarketSide bookSide = buy ? PolymarketSide.SELL : PolymarketSide.BUY;
        String complement = complementByToken.get(tokenId);
        List<String> tradeIds = new ArrayList<>();
        for (long[] fill : fills) {
            long before = book.levels(bookSide).size(fill[0]);
            // sizes are kept to 2 decimals: a partial take leaves the level rounded down
            long after = Math.max(0, (before * SIZE_TO_MICRO - fill[1]) / SIZE_TO_MICRO);
            updates.add(new PolymarketLevelUpdate(tokenId, bookSide, fill[0], after));
            PolymarketBook other = complement == null ? null : books.polymarket(complement);
            long mirrorPrice = FixedPoint.ONE_DOLLAR - fill[0];
            if (other != null && other.levels(bookSide.opposite()).size(mirrorPrice) == before) {
                // the complement token mirrors this level (bid at p = ask at 1 − p), as on the real CLOB
                updates.add(new PolymarketLevelUpdate(complement, bookSide.opposite(), mirrorPrice, after));
            }
            usdc = usdc.add(BigDecimal.valueOf(fill[0], 4).multiply(BigDecimal.valueOf(fill[1], 6)));
            String tradeId = "sim-trade-" + ++trades;
            tradeIds.add(tradeId);
            long matchTime = System.currentTimeMillis() / 1000;
            tradeLog.add(new JsonObject()
                    .put("id", tradeId)
                    .put("taker_order_id", hash)
                    .put("market", record.getString("market"))
                    .put("asset_id", tokenId)
                    .put("side", record.getString("side"))
                    .put("size", decimal(fill[1]))
                    .put("fee_rate_bps", "0")
                    .put("price", decimal(fill[0] * PRICE_TO_MICRO))
                    .put("status", "MATCHED")
                    .put("match_time", Long.toString(matchTime))
                    .put("last_update", Long.toString(matchTime))
                    .put("outcome", "")
                    .put("owner", record.getString("owner"))
                    .put("maker_address", record.getString("maker_address"))
                    .put("maker_orders", new JsonArray())
                    .put("transaction_hash", "")
                    .put("trader_side", "TAKER"));
        }
        books.applyPolymarket(updates);
        record.put("status", "MATCHED")
                .put("size_matched", decimal(available))
                .put("associate_trades", new JsonArray(tradeIds));
        String wallet = record.getString("maker_address").toLowerCase();
        positionsByMaker
                .computeIfAbsent(wallet, m -> new LinkedHashMap<>())
                .merge(tokenId, buy ? available : -available, Long::sum);
        long usdcMicros =
                usdc.movePointRight(6).setScale(0, java.math.RoundingMode.UP).longValueExact();
        addCash(wallet, buy ? -usdcMicros : usdcMicros);
        refreshBalance(wallet);
        String shares = decimal(available);
        String cash = usdc.stripTrailingZeros().toPlainString();
        if (faults.takeRawUnitAmounts()) {
            shares = Long.toString(available);
            cash = usdc.multiply(BigDecimal.valueOf(MICRO))
                    .setScale(0, RoundingMode.DOWN)
                    .toPlainString();
        }
        // amounts as decimal strings: BUY makes pUSD and takes shares, SELL the other way round
        return new Reply(200, response(hash, "matched", buy ? cash : shares, buy ? shares : cash, tradeIds), null);
    }

    Reply order(String hash) {
        JsonObject record = orders.get(hash);
        return record == null ? Reply.error(404, "order not found") : new Reply(200, record.copy(), null);
    }

    /**
     * {@code GET /data/trades?maker_address=&asset_id=&after=&before=&next_cursor=} (polymarket.md §3.5): the account's
     * trades, {@code after}/{@code before} in unix seconds (inclusive here: the venue's edge semantics are not in the
     * sources read), {@value #TRADES_PAGE} per page; the cursor is an opaque offset, {@code "LTE="} after the last.
     */
    Reply trades(String makerAddress, String assetId, String after, String before, String cursor) {
        long from;
        long to;
        int offset;
        try {
            from = after == null ? Long.MIN_VALUE : Long.parseLong(after);
            to = before == null ? Long.MAX_VALUE : Long.parseLong(before);
            offset = cursor == null || cursor.isEmpty()
                    ? 0
                    : Integer.parseInt(new String(
                            java.util.Base64.getDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "invalid trade params: " + e.getMessage());
        }
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject trade : tradeLog) {
            long at = Long.parseLong(trade.getString("match_time"));
            if ((makerAddress == null || makerAddress.equalsIgnoreCase(trade.getString("maker_address")))
                    && (assetId == null || assetId.equals(trade.getString("asset_id")))
                    && at >= from
                    && at <= to) {
                matching.add(trade);
            }
        }
        JsonArray page = new JsonArray();
        matching.stream().skip(Math.max(0, offset)).limit(TRADES_PAGE).forEach(trade -> page.add(trade.copy()));
        int next = Math.max(0, offset) + page.size();
        String nextCursor = next < matching.size()
                ? java.util.Base64.getEncoder()
                        .encodeToString(Integer.toString(next).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : "LTE=";
        return new Reply(
                200,
                new JsonObject()
                        .put("data", page)
                        .put("next_cursor", nextCursor)
                        .put("limit", TRADES_PAGE)
                        .put("count", page.size()),
                null);
    }

    /** FOK/FAK orders never rest, so nothing is ever open to cancel. */
    Reply cancel(String bodyText) {
        String hash;
        try {
            hash = new JsonObject(bodyText).getString("orderID");
        } catch (RuntimeException e) {
            return Reply.error(400, "Invalid payload");
        }
        if (hash == null) {
            return Reply.error(400, "Invalid payload");
        }
        String reason =
                orders.containsKey(hash) ? "the order is not open (matched, killed or canceled)" : "order not found";
        return new Reply(
                200,
                new JsonObject()
                        .put("canceled", new JsonArray())
                        .put("not_canceled", new JsonObject().put(hash, reason)),
                null);
    }

    /**
     * Data-API-like positions of a maker address: {@code [{asset, conditionId, size, outcome, redeemable, curPrice}]};
     * {@code redeemable} once the market resolved, {@code curPrice} then what a share pays.
     */
    JsonArray positions(String user, Set<String> yesTokens) {
        JsonArray out = new JsonArray();
        positionsByMaker
                .getOrDefault(user == null ? "" : user.toLowerCase(), Map.of())
                .forEach((token, size) -> {
                    if (size != 0) {
                        PolymarketMarketState market = lifecycle == null ? null : lifecycle.polymarketByToken(token);
                        JsonObject position = new JsonObject()
                                .put("asset", token)
                                .put("conditionId", books.conditionId(token))
                                .put("size", decimal(size))
                                .put("outcome", yesTokens.contains(token) ? "Yes" : "No")
                                .put("redeemable", market != null && market.resolved());
                        if (market != null && market.resolved()) {
                            position.put("curPrice", decimal(market.payoutMicros(token)));
                        }
                        out.add(position);
                    }
                });
        return out;
    }

    private static JsonObject response(String hash, String status, String making, String taking, List<String> trades) {
        return new JsonObject()
                .put("success", true)
                .put("errorMsg", "")
                .put("orderID", hash)
                .put("status", status)
                .put("makingAmount", making)
                .put("takingAmount", taking)
                .put("transactionsHashes", new JsonArray())
                .put("tradeIDs", new JsonArray(trades));
    }

    /** Strict V2 typing (polymarket.md §3.2); returns what is wrong, or null. */
    private static String malformed(JsonObject body, JsonObject order) {
        if (!(body.getValue("owner") instanceof String) || !(body.getValue("orderType") instanceof String)) {
            return "owner and orderType must be strings";
        }
        if (!(order.getValue("salt") instanceof Number salt) || salt instanceof Double || salt instanceof Float) {
            return "salt must be an integer JSON number";
        }
        for (String field : new String[] {"tokenId", "makerAmount", "takerAmount", "timestamp", "expiration"}) {
            if (!(order.getValue(field) instanceof String text)
                    || !DECIMAL.matcher(text).matches()) {
                return field + " must be a decimal string";
            }
        }
        if (!"BUY".equals(order.getValue("side")) && !"SELL".equals(order.getValue("side"))) {
            return "side must be BUY or SELL";
        }
        if (!(order.getValue("signatureType") instanceof Integer type) || type < 0 || type > 3) {
            return "signatureType must be 0..3";
        }
        for (String field : new String[] {"metadata", "builder"}) {
            if (!(order.getValue(field) instanceof String text)
                    || !BYTES32.matcher(text).matches()) {
                return field + " must be a 0x bytes32";
            }
        }
        for (String field : new String[] {"maker", "signer"}) {
            if (!(order.getValue(field) instanceof String text)
                    || !ADDRESS.matcher(text).matches()) {
                return field + " must be an address";
            }
        }
        if (!(order.getValue("signature") instanceof String signature) || !signature.startsWith("0x")) {
            return "signature must be 0x hex";
        }
        try {
            Long.parseLong(order.getString("makerAmount"));
            Long.parseLong(order.getString("takerAmount"));
        } catch (NumberFormatException e) {
            return "amount out of range";
        }
        return null;
    }

    private static long limitPriceMicro(boolean buy, long makerAmount, long takerAmount) {
        BigInteger cash = BigInteger.valueOf(buy ? makerAmount : takerAmount).multiply(BigInteger.valueOf(MICRO));
        return cash.divide(BigInteger.valueOf(buy ? takerAmount : makerAmount)).longValue();
    }

    private static String decimal(long micros) {
        BigDecimal value = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }
}
