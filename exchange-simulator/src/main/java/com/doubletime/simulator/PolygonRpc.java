package com.doubletime.simulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * A minimal Polygon JSON-RPC (2.0 over HTTP POST) for the one on-chain act the system performs: redeeming
 * resolved Polymarket positions. It serves what a web3j client needs to build, sign and send a transaction and wait
 * for it ({@code eth_chainId}, {@code net_version}, {@code eth_blockNumber}, {@code eth_getTransactionCount},
 * {@code eth_gasPrice}, {@code eth_maxPriorityFeePerGas}, {@code eth_getBlockByNumber} with {@code baseFeePerGas},
 * {@code eth_estimateGas}, {@code eth_getBalance}, {@code eth_sendRawTransaction}, {@code eth_getTransactionReceipt}).
 *
 * <p>{@code eth_sendRawTransaction} checks what a node checks: the transaction decodes, is signed, replay-protected
 * (EIP-155, or EIP-1559 typed) for this chain, its nonce is the sender's next, its fee covers the base fee and its
 * gas limit the intrinsic 21,000. The sender is recovered from the signature. It is then "mined" at once, in a block
 * of its own: a {@code redeemPositions} call on the Conditional Tokens contract, the pUSD collateral adapters or
 * the NegRisk adapter pays the sender's redeemable collateral into its wallet and burns the positions; anything
 * else (another target or selector, a market not resolved) reverts, with receipt {@code status} 0x0, as the contract
 * would. Single thread: the simulator's event loop.
 */
final class PolygonRpc {
    static final String PATH = "/polygon-rpc";

    /** Conditional Tokens (CTF), polymarket.md §5.1. */
    static final String CTF = "0x4D97DCd97eC945f40cF65F87097ACe5EA0476045";
    /** NegRiskAdapter (legacy neg-risk redemption, pays USDC.e), polymarket.md §5.1. */
    static final String NEG_RISK_ADAPTER = "0xd91E80cF2E7be2e162c6513ceD06f1dD0dA35296";
    /** pUSD collateral adapters for standard and neg-risk markets (third-party sources; see the module README). */
    static final String CTF_COLLATERAL_ADAPTER = "0xAdA100Db00Ca00073811820692005400218FcE1f";

    static final String NEG_RISK_COLLATERAL_ADAPTER = "0xadA2005600Dec949baf300f4C6120000bDB6eAab";
    /** USDC.e, the collateral the CTF keys standard V1/V2-era positions to. */
    static final String USDC_E = "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174";
    /** {@code redeemPositions(address,bytes32,bytes32,uint256[])}. */
    static final String REDEEM_CTF_SELECTOR = selector("redeemPositions(address,bytes32,bytes32,uint256[])");
    /** {@code redeemPositions(bytes32,uint256[])} (NegRiskAdapter). */
    static final String REDEEM_NEG_RISK_SELECTOR = selector("redeemPositions(bytes32,uint256[])");

    static final BigInteger BASE_FEE = BigInteger.valueOf(25_000_000_000L);
    static final BigInteger PRIORITY_FEE = BigInteger.valueOf(2_000_000_000L);
    static final BigInteger INTRINSIC_GAS = BigInteger.valueOf(21_000);
    static final BigInteger REDEEM_GAS_ESTIMATE = BigInteger.valueOf(200_000);
    private static final BigInteger NATIVE_BALANCE = new BigInteger("1000000000000000000000");
    private static final int WORD = 64;

    private final PolymarketOrderDesk desk;
    private final long chainId;
    private final Map<String, Long> nonceByAddress = new LinkedHashMap<>();
    private final Map<String, JsonObject> receiptsByHash = new LinkedHashMap<>();
    private long blockNumber = 1;

    PolygonRpc(PolymarketOrderDesk desk, long chainId) {
        this.desk = desk;
        this.chainId = chainId;
    }

    /** One request or a batch (a JSON array), answered in kind. */
    Object handle(String body) {
        Object request;
        try {
            request = body == null ? null : io.vertx.core.json.Json.decodeValue(body);
        } catch (DecodeException e) {
            return error(null, -32700, "parse error");
        }
        if (request instanceof JsonArray batch) {
            JsonArray answers = new JsonArray();
            batch.forEach(item -> answers.add(call(item)));
            return answers;
        }
        return call(request);
    }

    private JsonObject call(Object request) {
        if (!(request instanceof JsonObject call) || !(call.getValue("method") instanceof String method)) {
            return error(null, -32600, "invalid request");
        }
        Object id = call.getValue("id");
        JsonArray params = call.getValue("params") instanceof JsonArray array ? array : new JsonArray();
        try {
            return result(
                    id,
                    switch (method) {
                        case "eth_chainId" -> hex(BigInteger.valueOf(chainId));
                        case "net_version" -> Long.toString(chainId);
                        case "eth_blockNumber" -> hex(BigInteger.valueOf(blockNumber));
                        case "eth_gasPrice" -> hex(BASE_FEE.add(PRIORITY_FEE));
                        case "eth_maxPriorityFeePerGas" -> hex(PRIORITY_FEE);
                        case "eth_estimateGas" -> hex(REDEEM_GAS_ESTIMATE);
                        case "eth_getBalance" -> hex(NATIVE_BALANCE);
                        case "eth_getTransactionCount" -> hex(BigInteger.valueOf(nonce(address(params, 0))));
                        case "eth_getBlockByNumber" -> block();
                        case "eth_sendRawTransaction" -> send(text(params, 0));
                        case "eth_getTransactionReceipt" ->
                            receiptsByHash.get(text(params, 0).toLowerCase(Locale.ROOT));
                        default ->
                            throw new RpcError(-32601, "the method " + method + " does not exist/is not available");
                    });
        } catch (RpcError e) {
            return error(id, e.code, e.getMessage());
        }
    }

    private String send(String raw) {
        RawTransaction decoded;
        try {
            decoded = TransactionDecoder.decode(raw);
        } catch (RuntimeException e) {
            throw new RpcError(-32000, "rlp: cannot decode transaction");
        }
        if (!(decoded instanceof SignedRawTransaction signed)) {
            throw new RpcError(-32000, "transaction is not signed");
        }
        Long txChain =
                decoded.getTransaction() instanceof Transaction1559 typed ? typed.getChainId() : signed.getChainId();
        if (txChain == null) {
            throw new RpcError(-32000, "only replay-protected (EIP-155) transactions allowed over RPC");
        }
        if (txChain != chainId) {
            throw new RpcError(-32000, "invalid chain id: transaction for " + txChain + ", node on " + chainId);
        }
        String from;
        try {
            from = signed.getFrom().toLowerCase(Locale.ROOT);
        } catch (SignatureException e) {
            throw new RpcError(-32000, "invalid sender: " + e.getMessage());
        }
        long expected = nonce(from);
        long nonce = decoded.getNonce().longValueExact();
        if (nonce < expected) {
            throw new RpcError(-32000, "nonce too low: next nonce " + expected + ", tx nonce " + nonce);
        }
        if (nonce > expected) {
            throw new RpcError(-32000, "nonce too high: next nonce " + expected + ", tx nonce " + nonce);
        }
        BigInteger feeCap = decoded.getTransaction() instanceof Transaction1559 typed
                ? typed.getMaxFeePerGas()
                : decoded.getGasPrice();
        if (feeCap == null || feeCap.compareTo(BASE_FEE) < 0) {
            throw new RpcError(-32000, "transaction underpriced: fee cap below the base fee " + BASE_FEE);
        }
        if (decoded.getGasLimit().compareTo(INTRINSIC_GAS) < 0) {
            throw new RpcError(-32000, "intrinsic gas too low");
        }
        String hash = Hash.sha3(raw.startsWith("0x") ? raw : "0x" + raw).toLowerCase(Locale.ROOT);
        nonceByAddress.put(from, expected + 1);
        blockNumber++;
        boolean succeeded = execute(from, decoded.getTo(), decoded.getData());
        receiptsByHash.put(hash, receipt(hash, from, decoded, succeeded));
        return hash;
    }

    /** Runs the call; false when the contract would revert. */
    private boolean execute(String from, String to, String data) {
        String target = to == null ? "" : to.toLowerCase(Locale.ROOT);
        String input = Numeric.cleanHexPrefix(data == null ? "" : data).toLowerCase(Locale.ROOT);
        if (input.length() < 8) {
            return false;
        }
        String selector = input.substring(0, 8);
        String args = input.substring(8);
        try {
            if (selector.equals(REDEEM_CTF_SELECTOR)
                    && (target.equalsIgnoreCase(CTF)
                            || target.equalsIgnoreCase(CTF_COLLATERAL_ADAPTER)
                            || target.equalsIgnoreCase(NEG_RISK_COLLATERAL_ADAPTER))) {
                String collateral = "0x" + word(args, 0).substring(24);
                String parent = word(args, 1);
                String condition = "0x" + word(args, 2);
                if (!new BigInteger(parent, 16).equals(BigInteger.ZERO)) {
                    return true; // a nested collection: nothing this wallet holds, nothing paid
                }
                if (target.equalsIgnoreCase(CTF) && !collateral.equalsIgnoreCase(USDC_E)) {
                    // the CTF keys positions to their collateral: another token names positions nobody holds
                    return desk.redeem(from, condition, 0, 0) >= 0;
                }
                int sets = arrayLength(args, 3);
                boolean yes = false;
                boolean no = false;
                for (int i = 0; i < sets; i++) {
                    int indexSet = arrayElement(args, 3, i).intValueExact();
                    yes |= (indexSet & 1) != 0;
                    no |= (indexSet & 2) != 0;
                }
                return desk.redeem(from, condition, yes ? Long.MAX_VALUE : 0, no ? Long.MAX_VALUE : 0) >= 0;
            }
            if (selector.equals(REDEEM_NEG_RISK_SELECTOR) && target.equalsIgnoreCase(NEG_RISK_ADAPTER)) {
                String condition = "0x" + word(args, 0);
                if (arrayLength(args, 1) != 2) {
                    return false; // LengthMismatch: amounts are [yes, no]
                }
                long yes = arrayElement(args, 1, 0).longValueExact();
                long no = arrayElement(args, 1, 1).longValueExact();
                return desk.redeem(from, condition, yes, no) >= 0;
            }
        } catch (RuntimeException malformed) {
            return false; // ABI decoding failed: the contract reverts
        }
        return false;
    }

    private long nonce(String address) {
        return nonceByAddress.getOrDefault(address.toLowerCase(Locale.ROOT), 0L);
    }

    private JsonObject block() {
        return new JsonObject()
                .put("number", hex(BigInteger.valueOf(blockNumber)))
                .put("hash", blockHash(blockNumber))
                .put("parentHash", blockHash(blockNumber - 1))
                .put("timestamp", hex(BigInteger.valueOf(System.currentTimeMillis() / 1000)))
                .put("gasLimit", hex(BigInteger.valueOf(30_000_000)))
                .put("gasUsed", "0x0")
                .put("baseFeePerGas", hex(BASE_FEE))
                .put("transactions", new JsonArray());
    }

    private JsonObject receipt(String hash, String from, RawTransaction tx, boolean succeeded) {
        BigInteger gasUsed = REDEEM_GAS_ESTIMATE.min(tx.getGasLimit());
        return new JsonObject()
                .put("transactionHash", hash)
                .put("transactionIndex", "0x0")
                .put("blockHash", blockHash(blockNumber))
                .put("blockNumber", hex(BigInteger.valueOf(blockNumber)))
                .put("from", from)
                .put("to", tx.getTo() == null ? null : tx.getTo().toLowerCase(Locale.ROOT))
                .put("cumulativeGasUsed", hex(gasUsed))
                .put("gasUsed", hex(gasUsed))
                .put("effectiveGasPrice", hex(BASE_FEE.add(PRIORITY_FEE)))
                .putNull("contractAddress")
                .put("logs", new JsonArray())
                .put("logsBloom", "0x" + "0".repeat(512))
                .put("type", tx.getTransaction() instanceof Transaction1559 ? "0x2" : "0x0")
                .put("status", succeeded ? "0x1" : "0x0");
    }

    private static String blockHash(long number) {
        return Hash.sha3String("simulated-polygon-block-" + number);
    }

    private static String word(String args, int index) {
        return args.substring(index * WORD, (index + 1) * WORD);
    }

    /** A dynamic array argument: its head word holds the byte offset of its length word. */
    private static int arrayLength(String args, int headIndex) {
        int offset = new BigInteger(word(args, headIndex), 16).intValueExact() * 2;
        return new BigInteger(args.substring(offset, offset + WORD), 16).intValueExact();
    }

    private static BigInteger arrayElement(String args, int headIndex, int element) {
        int offset = new BigInteger(word(args, headIndex), 16).intValueExact() * 2 + WORD * (element + 1);
        return new BigInteger(args.substring(offset, offset + WORD), 16);
    }

    private static String selector(String signature) {
        return Hash.sha3String(signature).substring(2, 10);
    }

    private static String address(JsonArray params, int index) {
        String text = text(params, index);
        if (!text.matches("0x[0-9a-fA-F]{40}")) {
            throw new RpcError(-32602, "invalid argument " + index + ": not an address");
        }
        return text;
    }

    private static String text(JsonArray params, int index) {
        if (params.size() <= index || !(params.getValue(index) instanceof String text)) {
            throw new RpcError(-32602, "missing value for required argument " + index);
        }
        return text;
    }

    private static String hex(BigInteger value) {
        return Numeric.encodeQuantity(value);
    }

    private static JsonObject result(Object id, Object value) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", value);
    }

    private static JsonObject error(Object id, int code, String message) {
        return new JsonObject()
                .put("jsonrpc", "2.0")
                .put("id", id)
                .put("error", new JsonObject().put("code", code).put("message", message));
    }

    private static final class RpcError extends RuntimeException {
        private final int code;

        RpcError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
