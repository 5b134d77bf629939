package com.doubletime.gateway;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a browser and an API client fetch without a token: the dashboard's static files (they hold no data; the API
 * calls do) and the OpenAPI document of every route.
 */
final class Dashboard {
    private final String openApi = resource("/openapi.json");

    void mount(Router router) {
        router.get("/api/openapi.json").handler(rc -> HttpJson.send(rc, openApi));
        router.get("/").handler(rc -> rc.redirect("/dashboard/"));
        router.get("/dashboard/*").handler(StaticHandler.create("dashboard").setCachingEnabled(false));
    }

    private static String resource(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource " + name, e);
        }
    }
}
