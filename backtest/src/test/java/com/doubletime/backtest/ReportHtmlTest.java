package com.doubletime.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
    @Test
    void moneyIsDollarsAndCentsWithThousandsAndARealMinus() {
        assertEquals("$1,234.57", ReportHtml.money(new BigDecimal("1234.565001")));
        assertEquals("$0.00", ReportHtml.money(BigDecimal.ZERO));
        assertEquals("−$23.37", ReportHtml.money(new BigDecimal("-23.370000")));
        assertEquals("1.75 %", ReportHtml.percent(new BigDecimal("0.017498")));
        assertEquals("–", ReportHtml.percent(null));
    }

    @Test
    void tokenAndConditionIdsAreShortenedWhereverTheyAppear() {
        String token = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
        String condition = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
        assertEquals(
                "polymarket book 521143…2426 is stale; market 0x5f6517…f8f1",
                ReportHtml.shorten("polymarket book " + token + " is stale; market " + condition));
        assertEquals(
                "KXFEDDECISION-26DEC-C25 at 1796417066679",
                ReportHtml.shorten("KXFEDDECISION-26DEC-C25 at" + " 1796417066679"));
        assertEquals("&lt;b&gt; &amp; &quot;", ReportHtml.escape("<b> & \""));
    }

    @Test
    void histogramsCountEachValueUnderItsBound() {
        LongSeries values = new LongSeries();
        for (long value : new long[] {0, 4_999, 5_000, 99_999, 100_000, 7_000_000}) {
            values.add(value);
        }
        assertArrayEquals(new long[] {2, 1, 0, 0, 0, 1, 2}, ReportHtml.buckets(values, ReportHtml.EDGE_BOUNDS));
    }

    @Test
    void aLongCurveIsThinnedToItsLastValuePerStepEndingWithTheLast() {
        assertArrayEquals(new int[] {0, 1, 2}, ReportHtml.thinned(3, 10));
        assertArrayEquals(new int[] {1, 3, 4}, ReportHtml.thinned(5, 3));
        assertEquals(2000, ReportHtml.thinned(1_000_000, 2000).length);
        assertEquals(999_999, ReportHtml.thinned(1_000_000, 2000)[1999]);
        assertArrayEquals(new int[0], ReportHtml.thinned(0, 2000));
    }
}
