package com.doubletime.polymarket.order;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Signs orders with the trading key. Types 0–2 sign the order digest directly; POLY_1271 (type 3) wraps
 * it in the ERC-7739 {@code TypedDataSign} envelope the deposit wallet verifies (polymarket.md §5.6):
 * {@code innerSig(65) ‖ appDomainSep(32) ‖ contentsHash(32) ‖ ORDER_TYPE ‖ uint16_be(len(ORDER_TYPE))}.
 * Holds the key; never print it.
 */
public final class OrderSigner {
    static final String TYPED_DATA_SIGN_TYPE = "TypedDataSign(Order contents,string name,string version,"
            + "uint256 chainId,address verifyingContract,bytes32 salt)" + OrderHasher.ORDER_TYPE;
    static final String DEPOSIT_WALLET_NAME = "DepositWallet";
    static final String DEPOSIT_WALLET_VERSION = "1";

    private static final ECDomainParameters CURVE = new ECDomainParameters(
            Sign.CURVE_PARAMS.getCurve(), Sign.CURVE_PARAMS.getG(), Sign.CURVE_PARAMS.getN(), Sign.CURVE_PARAMS.getH());
    private static final BigInteger HALF_ORDER = CURVE.getN().shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private final ECKeyPair key;
    private final String address;

    public OrderSigner(ECKeyPair key) {
        this.key = key;
        this.address = Keys.toChecksumAddress(Keys.getAddress(key));
    }

    /** The key's address (EIP-55), the order {@code signer} for types 0–2 and the API key's owner. */
    public String address() {
        return address;
    }

    /** 0x-prefixed signature for the order's body. */
    public String sign(ClobOrder order, PolymarketExchange exchange, long chainId) {
        if (order.signatureType() == SignatureType.POLY_1271) {
            return signPoly1271(order, exchange, chainId);
        }
        if (!order.signer().equalsIgnoreCase(address)) {
            // the CLOB checks it too ("the order signer address has to be the address of the API KEY")
            throw new IllegalArgumentException("order signer " + order.signer() + " is not this key's address");
        }
        return Numeric.toHexString(signDigest(OrderHasher.digest(order, exchange, chainId)));
    }

    public String sign(LegacyV1Order order, PolymarketExchange exchange, long chainId) {
        return Numeric.toHexString(signDigest(order.digest(exchange, chainId)));
    }

    private String signPoly1271(ClobOrder order, PolymarketExchange exchange, long chainId) {
        if (!order.maker().equalsIgnoreCase(order.signer())) {
            throw new IllegalArgumentException("POLY_1271 orders have maker = signer = the deposit wallet");
        }
        byte[] appDomainSeparator = exchange.domainSeparator(chainId);
        byte[] contentsHash = OrderHasher.structHash(order);
        byte[] envelope = Eip712.keccak(Eip712.concat(
                Eip712.keccak(TYPED_DATA_SIGN_TYPE),
                contentsHash,
                Eip712.keccak(DEPOSIT_WALLET_NAME),
                Eip712.keccak(DEPOSIT_WALLET_VERSION),
                Eip712.uint(chainId),
                Eip712.address(order.signer()),
                new byte[32]));
        byte[] inner = signDigest(Eip712.digest(appDomainSeparator, envelope));
        byte[] type = OrderHasher.ORDER_TYPE.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(65 + 32 + 32 + type.length + 2);
        out.put(inner).put(appDomainSeparator).put(contentsHash).put(type).putShort((short) type.length);
        return Numeric.toHexString(out.array());
    }

    /**
     * r ‖ s ‖ v with v = 27/28 over a digest that is already the EIP-712 hash (stack-notes §7.18): exactly what
     * web3j's {@code Sign.signMessage(digest, key, false)} gives (RFC 6979 deterministic k, HMAC-SHA256; low s),
     * but v is read off the nonce point R instead of recovering the public key for each candidate v, which
     * is most of web3j's cost (one or two public-key recoveries per signature, each dearer than signing).
     */
    byte[] signDigest(byte[] digest) {
        BigInteger n = CURVE.getN();
        BigInteger d = key.getPrivateKey();
        BigInteger e = new BigInteger(1, digest);
        if (digest.length * 8 > n.bitLength()) {
            e = e.shiftRight(digest.length * 8 - n.bitLength());
        }
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(n, d, digest);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = MULTIPLIER.multiply(CURVE.getG(), k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(n);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = k.modInverse(n).multiply(e.add(d.multiply(r))).mod(n);
            if (s.signum() == 0) {
                continue;
            }
            // recovery id: R's y parity, plus 2 when R.x was reduced mod n; a low s mirrors R, flipping the parity
            int recovery = (point.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0) | (x.compareTo(n) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_ORDER) > 0) {
                s = n.subtract(s);
                recovery ^= 1;
            }
            return Eip712.concat(
                    Numeric.toBytesPadded(r, 32), Numeric.toBytesPadded(s, 32), new byte[] {(byte) (27 + recovery)});
        }
    }

    /**
     * Signs a Polygon transaction (EIP-1559 or EIP-155) with this key, which never leaves this object: the encoded
     * signed transaction, ready for {@code eth_sendRawTransaction}.
     */
    public byte[] signTransaction(org.web3j.crypto.RawTransaction transaction, long chainId) {
        return org.web3j.crypto.TransactionEncoder.signMessage(
                transaction, chainId, org.web3j.crypto.Credentials.create(key));
    }

    @Override
    public String toString() {
        return "OrderSigner[" + address + "]";
    }
}
