package com.doubletime.kalshi.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** RSA keys made in the test, written as PEM the two ways Kalshi keys come. */
public final class TestKeys {
    private static KeyPair shared;

    private TestKeys() {}

    /** One 2048-bit pair per JVM: generating one costs about a second on this machine. */
    public static synchronized KeyPair pair() {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----} */
    public static String pkcs1Pem(KeyPair pair) {
        return write(pair.getPrivate());
    }

    /** {@code -----BEGIN PRIVATE KEY-----} */
    public static String pkcs8Pem(KeyPair pair) {
        try {
            return write(new JcaPKCS8Generator(pair.getPrivate(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code -----BEGIN PUBLIC KEY-----}, what the simulator is configured with. */
    public static String publicPem(KeyPair pair) {
        return write(pair.getPublic());
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
