package com.doubletime.polymarket.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/** Every signing and hashing vector of polymarket.md §4.1, §4.2, §5.2, §5.3, §5.6 and §5.7. */
class KnownAnswerVectorsTest {
    static final String HARDHAT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String HARDHAT_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final OrderSigner SIGNER = new OrderSigner(ECKeyPair.create(Numeric.toBigInt(HARDHAT_KEY)));
    static final String ZERO = ClobOrder.ZERO_BYTES32;

    /** §5.7 B: the self-computed V2/V3 EOA order. */
    static ClobOrder vectorB() {
        return new ClobOrder(
                479249096354L,
                HARDHAT_ADDRESS,
                HARDHAT_ADDRESS,
                BigInteger.valueOf(1234),
                100_000_000L,
                50_000_000L,
                ClobSide.BUY,
                SignatureType.EOA,
                1710000000000L,
                ZERO,
                ZERO,
                0);
    }

    /** §5.7 C: BUY 100 shares at 0.52 on CTF V2. */
    static ClobOrder vectorC() {
        return new ClobOrder(
                12345,
                HARDHAT_ADDRESS,
                HARDHAT_ADDRESS,
                new BigInteger("107505882767731489358349912513945399560393482969656700824895970500493757150417"),
                52_000_000L,
                100_000_000L,
                ClobSide.BUY,
                SignatureType.EOA,
                1782753357257L,
                ZERO,
                ZERO,
                0);
    }

    @Test
    void hardhatKeyHasTheDocumentedAddress() {
        assertEquals(HARDHAT_ADDRESS, SIGNER.address());
    }

    @Test
    void clobAuthSignatureMatchesTheOfficialAmoyVector() {
        assertEquals(
                "0xf62319a987514da40e57e2f4d7529f7bac38f0355bd88bb5adbb3768d80de6c1682518e0af677d5260366425f4361e"
                        + "7b70c25ae232aff0ab2331e2b164a1aedc1b",
                ClobAuth.signature(SIGNER, 80002, 10000000, 23));
    }

    @Test
    void clobAuthSignatureMatchesTheSelfComputedPolygonVector() {
        assertEquals(
                "0xa908f5750f073b8cf6a3cd73cb63bc39a0c90ca8316ed408ac9a577db3bc98e17b1ddae08dcb1fd11bdd555f5d67db"
                        + "c3757cf5f25b9fc323bd555e063636aea51b",
                ClobAuth.signature(SIGNER, 137, 10000000, 0));
    }

    @Test
    void hmacMatchesTheOfficialVector() {
        assertEquals(
                "ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=",
                L2Auth.signature(
                        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                        1000000,
                        "test-sign",
                        "/orders",
                        "{\"hash\": \"0x123\"}"));
    }

    static final String E2E_SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";

    @Test
    void hmacOfGetDataOrdersWithoutBodyMatchesTheSelfComputedVector() {
        assertEquals(
                "PhSLjAouDwEm3RXEWHy7YcjL4Ki6ZCLz6tYkY510Wx8=",
                L2Auth.signature(E2E_SECRET, 1782753357, "GET", "/data/orders", null));
    }

    @Test
    void hmacOfDeleteOrderWithBodyMatchesTheSelfComputedVector() {
        assertEquals(
                "dYQk6k9g9Oj6hWuTEb607vIVX6m19A3KJqjTw3D5VVA=",
                L2Auth.signature(
                        E2E_SECRET,
                        1782753357,
                        "DELETE",
                        "/order",
                        "{\"orderID\":\"0xfb312cb91e80ebbb18881972c834b074b99622e7e49f42cd42c36665d1d6e964\"}"));
    }

    @Test
    void postOrderBodyOfVectorCAndItsHmacMatchTheDocumentedOnes() {
        String signature = SIGNER.sign(vectorC(), PolymarketExchange.CTF_V2, 137);
        String body = OrderBody.json(vectorC(), signature, "00000000-0000-0000-0000-000000000000", "GTC");

        assertEquals(
                "{\"deferExec\":false,\"postOnly\":false,\"order\":{\"salt\":12345,"
                        + "\"maker\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
                        + "\"signer\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\","
                        + "\"tokenId\":\"107505882767731489358349912513945399560393482969656700824895970500493757150417\","
                        + "\"makerAmount\":\"52000000\",\"takerAmount\":\"100000000\",\"side\":\"BUY\",\"signatureType\":0,"
                        + "\"timestamp\":\"1782753357257\",\"expiration\":\"0\",\"metadata\":\"" + ZERO
                        + "\",\"builder\":\""
                        + ZERO
                        + "\",\"signature\":\"0x09ab5eaf095d55b615bb052ac86ac8bb3c4fcbc183416f706d78d62370bbb27b5e1feb15"
                        + "81409d20fb81694149200619e1063271c56c6bd210bcff68a624b4811c\"},"
                        + "\"owner\":\"00000000-0000-0000-0000-000000000000\",\"orderType\":\"GTC\"}",
                body);
        assertEquals(
                "iUQMewmubvYdbl15j5rK3S6jKjPJF8tQB1Urm7ZDeTk=",
                L2Auth.signature(E2E_SECRET, 1782753357, "POST", "/order", body));
    }

    @Test
    void realisticV2OrderHashAndSignatureMatchVectorC() {
        assertEquals(
                "0xfb312cb91e80ebbb18881972c834b074b99622e7e49f42cd42c36665d1d6e964",
                OrderHasher.orderHash(vectorC(), PolymarketExchange.CTF_V2, 137));
        assertEquals(
                "0x09ab5eaf095d55b615bb052ac86ac8bb3c4fcbc183416f706d78d62370bbb27b5e1feb1581409d20fb81694149200619"
                        + "e1063271c56c6bd210bcff68a624b4811c",
                SIGNER.sign(vectorC(), PolymarketExchange.CTF_V2, 137));
    }

    @Test
    void domainSeparatorsMatchTheSelfComputedOnes() {
        assertEquals(
                "0x3264e159346253e26a64e00b69032db0e7d32f94628de3e6eecb50304d7af3d2",
                Numeric.toHexString(PolymarketExchange.CTF_V2.domainSeparator(137)));
        assertEquals(
                "0x9b858f53327b0bd13af8ec14cfb35234fb9eb7b0504d1a4e61f433840d30e81a",
                Numeric.toHexString(PolymarketExchange.NEG_RISK_V2.domainSeparator(137)));
        assertEquals(
                "0x466c63910185bbd55e8679264200c4e0abdcbb0c6264eb3d41d13326022e095b",
                Numeric.toHexString(PolymarketExchange.EXCHANGE_V3.domainSeparator(137)));
        assertEquals(
                "0xa440cbd865bc0c6243d7a8df9a8bf48a8827b0a4abbb61c30e96d305423af148",
                Numeric.toHexString(PolymarketExchange.CTF_V2.domainSeparator(80002)));
    }

    @Test
    void orderTypeHashesMatchTheSelfComputedOnes() {
        assertEquals(
                "0xbb86318a2138f5fa8ae32fbe8e659f8fcf13cc6ae4014a707893055433818589",
                Numeric.toHexString(Eip712.keccak(OrderHasher.ORDER_TYPE)));
        assertEquals(
                "0xa852566c4e14d00869b6db0220888a9090a13eccdaea03713ff0a3d27bf9767c",
                Numeric.toHexString(Eip712.keccak(LegacyV1Order.ORDER_TYPE)));
    }

    private static void assertV2(PolymarketExchange exchange, long chainId, String hash, String signature) {
        assertEquals(hash, OrderHasher.orderHash(vectorB(), exchange, chainId), exchange + " hash on " + chainId);
        assertEquals(signature, SIGNER.sign(vectorB(), exchange, chainId), exchange + " signature on " + chainId);
    }

    @Test
    void v2CtfOrderOnPolygonMatchesVectorB() {
        assertV2(
                PolymarketExchange.CTF_V2,
                137,
                "0x10124949f84e9f7438c88d02bfd546ceb27ed6eb1fdb0175137af535b6e2513d",
                "0x42c7b4857d51e344045fcfde17b37cf1290d784471ffe618c22aa56ea5ddcf0009015b87ffb299813f5597e86d4ad56f40"
                        + "d634558d915edb719e6fc71dbc0d891c");
    }

    @Test
    void v2NegRiskOrderOnPolygonMatchesVectorB() {
        assertV2(
                PolymarketExchange.NEG_RISK_V2,
                137,
                "0x9c2976657c4b229cc8e467a32ce9e3281ef40a70aee31cdc4619ebf51e4a7274",
                "0x79d82a92bd020329c6b9afad40b742c8cfaebdd992219b57e4282b6cfd53a66f2c97471d3297fa001f3eac2ead5f709c6e"
                        + "266893f19cef37633511420542a63b1b");
    }

    @Test
    void v3ExchangeOrderOnPolygonMatchesVectorB() {
        assertV2(
                PolymarketExchange.EXCHANGE_V3,
                137,
                "0x0d34966f6a42e3b8bec3d0d0dcca74d762695a3bd4cdf1d6a1fc2201bf9daa87",
                "0x22a4e68028c7984ff9b19217dee3a8491614e97a84ca42d53fe73e7a50745fd66706b966fa16ce911a3217958a547134"
                        + "3c47f2fd56ea9392522a4c1c156eac701c");
    }

    @Test
    void v2CtfOrderOnAmoyMatchesVectorB() {
        assertV2(
                PolymarketExchange.CTF_V2,
                80002,
                "0x962c97b18bea292cc94b9479272aa74fb59a905e84a621a40eb339131e9fb6ba",
                "0x518472f1b081f6bd713d638bb11d1bf0720ed577e93c52eb00ec9f5f325f7d510c65cbfdfe9130de2602185f4a500863d7"
                        + "77d8b838cb28abc75ecc1b5330315d1c");
    }

    static LegacyV1Order vectorA() {
        return new LegacyV1Order(
                479249096354L,
                HARDHAT_ADDRESS,
                HARDHAT_ADDRESS,
                "0x0000000000000000000000000000000000000000",
                BigInteger.valueOf(1234),
                100_000_000L,
                50_000_000L,
                0,
                0,
                100,
                ClobSide.BUY,
                SignatureType.EOA);
    }

    @Test
    void legacyV1CtfOrderMatchesTheOfficialVector() {
        assertEquals(
                "0x02ca1d1aa31103804173ad1acd70066cb6c1258a4be6dada055111f9a7ea4e55",
                vectorA().orderHash(PolymarketExchange.CTF_V1, 80002));
        assertEquals(
                "0x302cd9abd0b5fcaa202a344437ec0b6660da984e24ae9ad915a592a90facf5a51bb8a873cd8d270f070217fea1986531"
                        + "d5eec66f1162a81f66e026db653bf7ce1c",
                SIGNER.sign(vectorA(), PolymarketExchange.CTF_V1, 80002));
    }

    @Test
    void legacyV1NegRiskOrderMatchesTheOfficialVector() {
        assertEquals(
                "0xf15790d3edc4b5aed427b0b543a9206fcf4b1a13dfed016d33bfb313076263b8",
                vectorA().orderHash(PolymarketExchange.NEG_RISK_V1, 80002));
        assertEquals(
                "0x1b3646ef347e5bd144c65bd3357ba19c12c12abaeedae733cf8579bc51a2752c0454c3bc6b236957e393637982c769b8"
                        + "dc0706c0f5c399983d933850afd1cbcd1c",
                SIGNER.sign(vectorA(), PolymarketExchange.NEG_RISK_V1, 80002));
    }

    @Test
    void poly1271DepositWalletSignatureMatchesTheOfficialVector() {
        String wallet = "0x1111111111111111111111111111111111111111";
        ClobOrder order = new ClobOrder(
                479249096354L,
                wallet,
                wallet,
                BigInteger.valueOf(1234),
                100_000_000L,
                50_000_000L,
                ClobSide.BUY,
                SignatureType.POLY_1271,
                1710000000000L,
                ZERO,
                ZERO,
                0);

        assertEquals(
                "0xd23d42d3ad94e65d78258cecaf8dcbaddac0f73dc085040f2c12bb595dd83804",
                Numeric.toHexString(OrderHasher.structHash(order)));
        assertEquals(
                "0xa3a093c83b6c20c83355c16ce94c92e6e9fcbdeb840618cc74f6c57a42ad145b2b98db73d2c73cbf1f2b6af288566ae8"
                        + "1960ddbc3a13921027358a8bff3be6ff1ca440cbd865bc0c6243d7a8df9a8bf48a8827b0a4abbb61c30e96d305423af148"
                        + "d23d42d3ad94e65d78258cecaf8dcbaddac0f73dc085040f2c12bb595dd838044f726465722875696e743235362073616c"
                        + "742c61646472657373206d616b65722c61646472657373207369676e65722c75696e7432353620746f6b656e49642c7569"
                        + "6e74323536206d616b6572416d6f756e742c75696e743235362074616b6572416d6f756e742c75696e743820736964652c"
                        + "75696e7438207369676e6174757265547970652c75696e743235362074696d657374616d702c62797465733332206d6574"
                        + "61646174612c62797465733332206275696c6465722900ba",
                SIGNER.sign(order, PolymarketExchange.CTF_V2, 80002));
    }
}
