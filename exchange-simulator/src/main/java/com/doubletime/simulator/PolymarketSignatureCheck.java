package com.doubletime.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * Recovers who signed an order or a ClobAuth message, through web3j's generic EIP-712 encoder (typed-data
 * JSON) rather than the adapter's hand-rolled encoding, so the two implementations check each other.
 * POLY_1271 signatures are unwrapped from their ERC-7739 {@code TypedDataSign} envelope (polymarket.md §5.6).
 */
final class PolymarketSignatureCheck {

    static final String EXCHANGE_NAME = "Polymarket CTF Exchange";
    /** CTF Exchange V2, the exchange of the simulator's markets (negRisk false, Gamma version v1). */
    static final String CTF_V2 = "0xE111180000d2663C0091e4f400237545B87B996B";

    static final String ORDER_TYPE_STRING = "Order(uint256 salt,address maker,address signer,uint256 tokenId,"
            + "uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,"
            + "bytes32 metadata,bytes32 builder)";
    static final String ZERO32 = "0x" + "00".repeat(32);

    private PolymarketSignatureCheck() {}

    /** The address whose key produced {@code signature} over the order (for type 3: the wallet's owner). */
    static String orderSigner(JsonObject order, long chainId) {
        try {
            byte[] signature = Numeric.hexStringToByteArray(order.getString("signature"));
            JsonObject message = orderMessage(order);
            if (order.getInteger("signatureType", 0) == 3) {
                return poly1271Owner(order, message, signature, chainId);
            }
            if (signature.length != 65) {
                return null;
            }
            JsonObject typed = new JsonObject()
                    .put(
                            "types",
                            new JsonObject().put("EIP712Domain", domainType()).put("Order", orderType()))
                    .put("primaryType", "Order")
                    .put("domain", domain(chainId))
                    .put("message", message);
            return recover(new StructuredDataEncoder(typed.encode()).hashStructuredData(), signature);
        } catch (Exception e) {
            return null;
        }
    }

    /** Order hash (the orderID) as the CLOB computes it. */
    static String orderHash(JsonObject order, long chainId) {
        try {
            JsonObject typed = new JsonObject()
                    .put(
                            "types",
                            new JsonObject().put("EIP712Domain", domainType()).put("Order", orderType()))
                    .put("primaryType", "Order")
                    .put("domain", domain(chainId))
                    .put("message", orderMessage(order));
            return Numeric.toHexString(new StructuredDataEncoder(typed.encode()).hashStructuredData());
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot hash order: " + e.getMessage(), e);
        }
    }

    private static String poly1271Owner(JsonObject order, JsonObject message, byte[] signature, long chainId)
            throws Exception {
        byte[] type = ORDER_TYPE_STRING.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (signature.length != 65 + 32 + 32 + type.length + 2) {
            return null;
        }
        byte[] appDomain = Arrays.copyOfRange(signature, 65, 97);
        byte[] contents = Arrays.copyOfRange(signature, 97, 129);
        JsonObject typedOrder = new JsonObject()
                .put("types", new JsonObject().put("EIP712Domain", domainType()).put("Order", orderType()))
                .put("primaryType", "Order")
                .put("domain", domain(chainId))
                .put("message", message);
        StructuredDataEncoder orderEncoder = new StructuredDataEncoder(typedOrder.encode());
        @SuppressWarnings("unchecked")
        HashMap<String, Object> data = (HashMap<String, Object>) orderEncoder.jsonMessageObject.getMessage();
        if (!Arrays.equals(appDomain, orderEncoder.hashDomain())
                || !Arrays.equals(contents, orderEncoder.hashMessage("Order", data))
                || !Arrays.equals(Arrays.copyOfRange(signature, 129, 129 + type.length), type)) {
            return null;
        }
        JsonArray typedDataSign = new JsonArray()
                .add(field("contents", "Order"))
                .add(field("name", "string"))
                .add(field("version", "string"))
                .add(field("chainId", "uint256"))
                .add(field("verifyingContract", "address"))
                .add(field("salt", "bytes32"));
        JsonObject envelope = new JsonObject()
                .put(
                        "types",
                        new JsonObject()
                                .put("EIP712Domain", domainType())
                                .put("TypedDataSign", typedDataSign)
                                .put("Order", orderType()))
                .put("primaryType", "TypedDataSign")
                .put("domain", domain(chainId))
                .put(
                        "message",
                        new JsonObject()
                                .put("contents", message)
                                .put("name", "DepositWallet")
                                .put("version", "1")
                                .put("chainId", chainId)
                                .put("verifyingContract", order.getString("signer"))
                                .put("salt", ZERO32));
        return recover(
                new StructuredDataEncoder(envelope.encode()).hashStructuredData(),
                Arrays.copyOfRange(signature, 0, 65));
    }

    /** L1: who signed {@code ClobAuth(address, timestamp, nonce, message)}. */
    static String clobAuthSigner(String address, String timestamp, String nonce, String signatureHex, long chainId) {
        try {
            JsonObject typed = new JsonObject()
                    .put(
                            "types",
                            new JsonObject()
                                    .put(
                                            "EIP712Domain",
                                            new JsonArray()
                                                    .add(field("name", "string"))
                                                    .add(field("version", "string"))
                                                    .add(field("chainId", "uint256")))
                                    .put(
                                            "ClobAuth",
                                            new JsonArray()
                                                    .add(field("address", "address"))
                                                    .add(field("timestamp", "string"))
                                                    .add(field("nonce", "uint256"))
                                                    .add(field("message", "string"))))
                    .put("primaryType", "ClobAuth")
                    .put(
                            "domain",
                            new JsonObject()
                                    .put("name", "ClobAuthDomain")
                                    .put("version", "1")
                                    .put("chainId", chainId))
                    .put(
                            "message",
                            new JsonObject()
                                    .put("address", address)
                                    .put("timestamp", timestamp)
                                    .put("nonce", nonce)
                                    .put("message", "This message attests that I control the given wallet"));
            return recover(
                    new StructuredDataEncoder(typed.encode()).hashStructuredData(),
                    Numeric.hexStringToByteArray(signatureHex));
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonObject orderMessage(JsonObject order) {
        return new JsonObject()
                .put("salt", String.valueOf(order.getValue("salt")))
                .put("maker", order.getString("maker"))
                .put("signer", order.getString("signer"))
                .put("tokenId", order.getString("tokenId"))
                .put("makerAmount", order.getString("makerAmount"))
                .put("takerAmount", order.getString("takerAmount"))
                .put("side", "BUY".equals(order.getString("side")) ? 0 : 1)
                .put("signatureType", order.getInteger("signatureType"))
                .put("timestamp", order.getString("timestamp"))
                .put("metadata", order.getString("metadata"))
                .put("builder", order.getString("builder"));
    }

    private static String recover(byte[] digest, byte[] signature) throws java.security.SignatureException {
        if (signature.length != 65) {
            return null;
        }
        BigInteger key = Sign.signedMessageHashToKey(
                digest,
                new Sign.SignatureData(
                        signature[64], Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64)));
        return Keys.toChecksumAddress(Keys.getAddress(key));
    }

    private static JsonObject domain(long chainId) {
        return new JsonObject()
                .put("name", EXCHANGE_NAME)
                .put("version", "2")
                .put("chainId", chainId)
                .put("verifyingContract", CTF_V2);
    }

    private static JsonArray domainType() {
        return new JsonArray()
                .add(field("name", "string"))
                .add(field("version", "string"))
                .add(field("chainId", "uint256"))
                .add(field("verifyingContract", "address"));
    }

    private static JsonArray orderType() {
        return new JsonArray()
                .add(field("salt", "uint256"))
                .add(field("maker", "address"))
                .add(field("signer", "address"))
                .add(field("tokenId", "uint256"))
                .add(field("makerAmount", "uint256"))
                .add(field("takerAmount", "uint256"))
                .add(field("side", "uint8"))
                .add(field("signatureType", "uint8"))
                .add(field("timestamp", "uint256"))
                .add(field("metadata", "bytes32"))
                .add(field("builder", "bytes32"));
    }

    private static JsonObject field(String name, String type) {
        return new JsonObject().put("name", name).put("type", type);
    }
}
