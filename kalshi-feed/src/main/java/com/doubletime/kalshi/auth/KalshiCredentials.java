package com.doubletime.kalshi.auth;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A Kalshi API key: its id (sent as {@code KALSHI-ACCESS-KEY}) and the RSA private key that signs requests
 * (kalshi.md §2). Kalshi's download is described as "RSA_PRIVATE_KEY format" (PKCS#1) while SDKs document
 * PKCS#8, so both PEM forms are accepted.
 *
 * <p>Never printed: {@link #toString()} redacts both parts, and parse errors never quote the file.
 */
public final class KalshiCredentials {
    public static final String ENV_API_KEY_ID = "KALSHI_API_KEY_ID";
    public static final String ENV_PRIVATE_KEY_PEM_PATH = "KALSHI_PRIVATE_KEY_PEM_PATH";

    private final String apiKeyId;
    private final PrivateKey privateKey;

    private KalshiCredentials(String apiKeyId, PrivateKey privateKey) {
        if (apiKeyId == null || apiKeyId.isBlank()) {
            throw new IllegalArgumentException("Kalshi API key id is empty");
        }
        this.apiKeyId = apiKeyId.trim();
        this.privateKey = privateKey;
    }

    public static KalshiCredentials of(String apiKeyId, PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateKey)) {
            throw new IllegalArgumentException("Kalshi signs with RSA keys only");
        }
        return new KalshiCredentials(apiKeyId, privateKey);
    }

    /** @param pem {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1) or {@code -----BEGIN PRIVATE KEY-----} (PKCS#8) */
    public static KalshiCredentials fromPem(String apiKeyId, String pem) {
        return of(apiKeyId, parsePrivateKey(pem));
    }

    public static KalshiCredentials fromPemFile(String apiKeyId, Path pemFile) {
        String pem;
        try {
            pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the Kalshi private key file " + pemFile + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
        try {
            return fromPem(apiKeyId, pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (file " + pemFile + ")", e);
        }
    }

    /**
     * From {@value #ENV_API_KEY_ID} and {@value #ENV_PRIVATE_KEY_PEM_PATH}: empty when neither is set (the
     * local simulator needs no key); an error when only one is, because that is a deployment mistake.
     */
    public static Optional<KalshiCredentials> fromEnvironment(Map<String, String> env) {
        String keyId = blankToNull(env.get(ENV_API_KEY_ID));
        String pemPath = blankToNull(env.get(ENV_PRIVATE_KEY_PEM_PATH));
        if (keyId == null && pemPath == null) {
            return Optional.empty();
        }
        if (keyId == null || pemPath == null) {
            throw new IllegalArgumentException("set both " + ENV_API_KEY_ID + " and " + ENV_PRIVATE_KEY_PEM_PATH
                    + " or neither; only " + (keyId == null ? ENV_PRIVATE_KEY_PEM_PATH : ENV_API_KEY_ID) + " is set");
        }
        return Optional.of(fromPemFile(keyId, Path.of(pemPath)));
    }

    static PrivateKey parsePrivateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the Kalshi private key PEM is empty");
        }
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // the exception text could echo key material: name the type only
            throw new IllegalArgumentException(
                    "the Kalshi private key is not valid PEM (" + e.getClass().getSimpleName() + ")");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (parsed instanceof PEMKeyPair pkcs1) {
                return converter.getKeyPair(pkcs1).getPrivate();
            }
            if (parsed instanceof PrivateKeyInfo pkcs8) {
                return converter.getPrivateKey(pkcs8);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "the Kalshi private key cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
        if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException("the Kalshi private key is encrypted; decrypt it first "
                    + "(openssl pkcs8 -topk8 -nocrypt -in encrypted.pem -out kalshi.pem)");
        }
        throw new IllegalArgumentException("the PEM holds no RSA private key (found "
                + (parsed == null ? "nothing" : parsed.getClass().getSimpleName()) + ")");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String apiKeyId() {
        return apiKeyId;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The last four characters of the key id only, enough to tell keys apart in a log. */
    @Override
    public String toString() {
        String tail = apiKeyId.length() <= 4 ? "" : apiKeyId.substring(apiKeyId.length() - 4);
        return "KalshiCredentials[apiKeyId=…" + tail + ", privateKey=<redacted>]";
    }
}
