package com.doubletime.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** A blocking test client of the gateway that sends the API token unless told otherwise. */
final class ApiClient {
    final WebClient web;
    final int port;
    final String token;

    ApiClient(Vertx vertx, int port, String token) {
        this.web = WebClient.create(vertx);
        this.port = port;
        this.token = token;
    }

    HttpResponse<Buffer> get(String uri) throws Exception {
        return send(HttpMethod.GET, uri, null);
    }

    HttpResponse<Buffer> post(String uri, JsonObject body) throws Exception {
        return send(HttpMethod.POST, uri, body);
    }

    HttpResponse<Buffer> send(HttpMethod method, String uri, JsonObject body) throws Exception {
        HttpRequest<Buffer> request = web.request(method, port, "127.0.0.1", uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return (body == null ? request.send() : request.sendJsonObject(body)).await(10, TimeUnit.SECONDS);
    }

    HttpResponse<Buffer> raw(HttpMethod method, String uri, String contentType, String body) throws Exception {
        HttpRequest<Buffer> request = web.request(method, port, "127.0.0.1", uri);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        return request.sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    }
}
