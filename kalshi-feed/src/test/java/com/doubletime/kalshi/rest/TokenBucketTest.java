package com.doubletime.kalshi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void basicTierWritesBurstTwoSecondsThenPaceAtTenOrdersPerSecond() {
        AtomicLong now = new AtomicLong();
        TokenBucket write = new TokenBucket(200, 100, now::get); // Basic: 100 write tokens/s, 2 s burst

        for (int i = 0; i < 20; i++) {
            assertEquals(0, write.reserve(KalshiRateTier.DEFAULT_COST), "order " + i + " is within the burst");
        }
        assertEquals(100, write.reserve(10), "the 21st waits one refill of 10 tokens");
        assertEquals(200, write.reserve(10), "the 22nd queues behind it");

        now.addAndGet(1_000_000_000L);
        assertEquals(80, write.available(), "one second refills 100 tokens over the -20 owed");
    }

    @Test
    void neverRefillsAboveCapacity() {
        AtomicLong now = new AtomicLong();
        TokenBucket read = KalshiRateTier.BASIC.newReadBucket();
        TokenBucket bucket = new TokenBucket(200, 200, now::get);
        now.addAndGet(60_000_000_000L);
        assertEquals(200, bucket.available());
        assertEquals(200, read.available());
        assertEquals(0, bucket.reserve(KalshiRateTier.CANCEL_COST));
        assertEquals(198, bucket.available());
    }
}
