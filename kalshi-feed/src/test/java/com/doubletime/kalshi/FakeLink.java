package com.doubletime.kalshi;

import com.doubletime.bus.feed.FeedLink;
import java.util.ArrayList;
import java.util.List;

/** Records what a protocol asked of its connection. */
final class FakeLink implements FeedLink {
    final List<String> sent = new ArrayList<>();
    final List<String> reconnects = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    int healthy;

    @Override
    public boolean send(String text) {
        sent.add(text);
        return true;
    }

    @Override
    public void reconnect(String reason) {
        reconnects.add(reason);
    }

    @Override
    public void markHealthy() {
        healthy++;
    }

    @Override
    public void noteError(String error) {
        errors.add(error);
    }
}
