package com.doubletime.bus;

import com.doubletime.domain.Platform;
import com.doubletime.domain.event.MarketStatusChanged;
import com.doubletime.domain.market.MarketStatus;
import com.doubletime.domain.market.MarketView;
import com.doubletime.domain.market.Resolution;

/**
 * Wire codec of {@link MarketStatusChanged}: a version byte first, enums by name, so a node running an older or
 * newer build refuses a form it does not know instead of misreading it.
 */
public final class MarketStatusChangedCodec extends RecordCodec<MarketStatusChanged> {
    static final int VERSION = 1;

    @Override
    protected int wireVersion() {
        return VERSION;
    }

    @Override
    public String name() {
        return "dt.MarketStatusChanged";
    }

    @Override
    protected void write(WireWriter out, MarketStatusChanged event) {
        MarketView view = event.view();
        out.string(view.platform().name())
                .string(view.market())
                .string(view.status().name())
                .longValue(view.closeTimeMillis())
                .longValue(view.expectedResolutionMillis())
                .intValue(view.exchangeIndex())
                .bool(view.resolution() != null);
        if (view.resolution() != null) {
            out.longValue(view.resolution().yesPayout())
                    .string(view.resolution().result());
        }
        out.string(event.cause()).longValue(event.atMillis());
    }

    @Override
    protected MarketStatusChanged read(WireReader in) {
        Platform platform = Platform.valueOf(in.string());
        String market = in.string();
        MarketStatus status = MarketStatus.valueOf(in.string());
        long close = in.longValue();
        long expected = in.longValue();
        int shard = in.intValue();
        Resolution resolution = in.bool() ? new Resolution(in.longValue(), in.string()) : null;
        MarketView view = new MarketView(platform, market, status, close, expected, shard, resolution);
        return new MarketStatusChanged(view, in.string(), in.longValue());
    }
}
