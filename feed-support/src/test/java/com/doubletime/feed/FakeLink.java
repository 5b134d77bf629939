package com.doubletime.feed;

import java.util.ArrayList;
import java.util.List;

/** Records what a protocol asked of its connection. */
public final class FakeLink implements FeedLink {
    public final List<String> sent = new ArrayList<>();
    public final List<String> reconnects = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public int healthy;

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
