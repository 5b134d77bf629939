package com.doubletime.bus;

import com.doubletime.bus.protocol.CapitalReport;
import com.doubletime.domain.Platform;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.settlement.DivergenceKind;
import com.doubletime.domain.trade.ExecutionMode;
import com.doubletime.domain.trade.PositionRedeemed;
import com.doubletime.domain.trade.PositionSettled;
import com.doubletime.domain.trade.PositionState;
import com.doubletime.domain.trade.ResolutionDivergence;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** Issue 12's bus records: capital, settlement, divergence and redemption, each read back equal with its scales. */
class SettlementCodecsTest {
    private static final String CONDITION = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";

    @Nested
    class Capital extends RecordCodecContract<CapitalReport> {
        @Override
        protected RecordCodec<CapitalReport> codec() {
            return new CapitalReportCodec();
        }

        @Override
        protected List<CapitalReport> samples() {
            CapitalReport.Venue kalshi = new CapitalReport.Venue(
                    Platform.KALSHI,
                    true,
                    new BigDecimal("1000.00"),
                    null,
                    new BigDecimal("25.40"),
                    new BigDecimal("974.60"),
                    List.of(new CapitalReport.Shard(
                            0, new BigDecimal("1000.00"), new BigDecimal("25.40"), new BigDecimal("974.60"))),
                    1_700_000_000_000L,
                    null,
                    new BigDecimal("100"));
            CapitalReport.Venue polymarket = new CapitalReport.Venue(
                    Platform.POLYMARKET,
                    false,
                    BigDecimal.ZERO,
                    new BigDecimal("800.000000"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    List.of(),
                    0,
                    "balance: HTTP 503",
                    null);
            return List.of(
                    new CapitalReport(
                            1_700_000_000_001L,
                            ExecutionMode.LIVE,
                            List.of(kalshi, polymarket),
                            new BigDecimal("412.118000"),
                            new BigDecimal("3.140000"),
                            List.of(new CapitalReport.Redeemable(
                                    "fed", CONDITION, 0, 50_000_000, new BigDecimal("50"), "pending", null, null)),
                            true),
                    new CapitalReport(
                            0, ExecutionMode.PAPER, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, List.of(), false));
        }
    }

    @Nested
    class Settled extends RecordCodecContract<PositionSettled> {
        @Override
        protected RecordCodec<PositionSettled> codec() {
            return new PositionSettledCodec();
        }

        @Override
        protected List<PositionSettled> samples() {
            return List.of(new PositionSettled(
                    "fed",
                    PositionState.SETTLED,
                    "KXFED",
                    "no",
                    0,
                    CONDITION,
                    "NO",
                    0,
                    50,
                    0,
                    0,
                    50,
                    new BigDecimal("48.500000"),
                    new BigDecimal("0.86000"),
                    BigDecimal.ZERO,
                    new BigDecimal("50.000000"),
                    new BigDecimal("0.640000"),
                    List.of("t-1", "t-2"),
                    42));
        }
    }

    @Nested
    class Divergence extends RecordCodecContract<ResolutionDivergence> {
        @Override
        protected RecordCodec<ResolutionDivergence> codec() {
            return new ResolutionDivergenceCodec();
        }

        @Override
        protected List<ResolutionDivergence> samples() {
            return List.of(new ResolutionDivergence(
                    "fed",
                    DivergenceKind.LEG_SETTLED_OTHER_OPEN,
                    new ResolutionDivergence.VenueResult("KXFED", MarketStatus.SETTLED, "no", 0),
                    new ResolutionDivergence.VenueResult(CONDITION, MarketStatus.OPEN, null, -1),
                    new BigDecimal("50.0"),
                    "one leg settled",
                    7));
        }
    }

    @Nested
    class Redeemed extends RecordCodecContract<PositionRedeemed> {
        @Override
        protected RecordCodec<PositionRedeemed> codec() {
            return new PositionRedeemedCodec();
        }

        @Override
        protected List<PositionRedeemed> samples() {
            return List.of(
                    new PositionRedeemed("fed", CONDITION, 0, 50_000_000, new BigDecimal("50"), true, "0xab", null, 9),
                    new PositionRedeemed(
                            "fed", CONDITION, 0, 50_000_000, new BigDecimal("50"), false, null, "reverted", 10));
        }
    }
}
