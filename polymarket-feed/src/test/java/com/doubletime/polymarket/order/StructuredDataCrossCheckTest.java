package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/** The hand-rolled encoding equals web3j's generic EIP-712 encoder, and signatures recover to the key. */
class StructuredDataCrossCheckTest {
    static String typedData(ClobOrder order, PolymarketExchange exchange, long chainId) {
        JsonArray domainType = new JsonArray()
                .add(field("name", "string"))
                .add(field("version", "string"))
                .add(field("chainId", "uint256"))
                .add(field("verifyingContract", "address"));
        JsonArray orderType = new JsonArray()
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
        return new JsonObject()
                .put("types", new JsonObject().put("EIP712Domain", domainType).put("Order", orderType))
                .put("primaryType", "Order")
                .put(
                        "domain",
                        new JsonObject()
                                .put("name", PolymarketExchange.DOMAIN_NAME)
                                .put("version", exchange.domainVersion())
                                .put("chainId", chainId)
                                .put("verifyingContract", exchange.address(chainId)))
                .put(
                        "message",
                        new JsonObject()
                                .put("salt", Long.toString(order.salt()))
                                .put("maker", order.maker())
                                .put("signer", order.signer())
                                .put("tokenId", order.tokenId().toString())
                                .put("makerAmount", Long.toString(order.makerAmount()))
                                .put("takerAmount", Long.toString(order.takerAmount()))
                                .put("side", order.side().signedValue())
                                .put("signatureType", order.signatureType().wireValue())
                                .put("timestamp", Long.toString(order.timestamp()))
                                .put("metadata", order.metadata())
                                .put("builder", order.builder()))
                .encode();
    }

    private static JsonObject field(String name, String type) {
        return new JsonObject().put("name", name).put("type", type);
    }

    @Test
    void handRolledDigestEqualsStructuredDataEncoderForEveryExchange() throws Exception {
        for (PolymarketExchange exchange : new PolymarketExchange[] {
            PolymarketExchange.CTF_V2, PolymarketExchange.NEG_RISK_V2, PolymarketExchange.EXCHANGE_V3
        }) {
            ClobOrder order = KnownAnswerVectorsTest.vectorC();
            byte[] expected = new StructuredDataEncoder(typedData(order, exchange, 137)).hashStructuredData();
            assertArrayEquals(expected, OrderHasher.digest(order, exchange, 137), exchange.name());
        }
    }

    @Test
    void signatureRecoversToTheSignerAndNotAfterAnAmountChange() {
        ClobOrder order = KnownAnswerVectorsTest.vectorC();
        byte[] signature =
                Numeric.hexStringToByteArray(KnownAnswerVectorsTest.SIGNER.sign(order, PolymarketExchange.CTF_V2, 137));

        assertEquals(
                KnownAnswerVectorsTest.HARDHAT_ADDRESS,
                recover(OrderHasher.digest(order, PolymarketExchange.CTF_V2, 137), signature));
        assertNotEquals(
                KnownAnswerVectorsTest.HARDHAT_ADDRESS,
                recover(
                        OrderHasher.digest(
                                order.withMakerAmount(order.makerAmount() + 1), PolymarketExchange.CTF_V2, 137),
                        signature));
    }

    static String recover(byte[] digest, byte[] signature) {
        byte[] r = Arrays.copyOfRange(signature, 0, 32);
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        try {
            BigInteger key = Sign.signedMessageHashToKey(digest, new Sign.SignatureData(signature[64], r, s));
            return Keys.toChecksumAddress(Keys.getAddress(key));
        } catch (SignatureException e) {
            return "unrecoverable";
        }
    }
}
