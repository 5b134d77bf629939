package com.doubletime.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The connected Server-Sent Events clients of one gateway instance and the fan-out to them.
 *
 * <p>A client that cannot keep up is dropped, never waited for: before each frame its write queue is
 * checked, and once its unsent backlog passes the limit its connection is reset (an HTTP/2 client: its stream). The
 * stream of everyone else, and the event loop, never slow down for one reader. A dropped client reconnects with
 * {@code Last-Event-ID} and is replayed what it missed from the ring buffer. Single writer: the gateway's
 * event loop.
 *
 * <p>Why a reset and not a close: Vert.x queues a connection's close behind the bytes it has not written yet, and a
 * client that stopped reading never lets them out, so a "closed" connection stayed established with megabytes in its
 * send queue (5 of 5 dropped clients, 2.1 MB each, after 60 s). The socket is closed at once with {@code SO_LINGER} 0
 * instead: the kernel discards what is unsent and answers with a TCP reset.
 */
final class SseHub {
    static final String KEEP_ALIVE = ": keep-alive\n\n";
    private static final System.Logger LOG = System.getLogger(SseHub.class.getName());

    private final Set<HttpServerRequest> clients = new LinkedHashSet<>();
    private final int maxQueuedBytes;
    private long dropped;

    SseHub(int maxQueuedBytes) {
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /**
     * Starts an event stream on this request's response and replays {@code backlog} first. The replay is
     * written whole (it is bounded by the ring buffer) and the client's queue allowance grows by its size,
     * so a client resuming after a long gap is not mistaken for a slow one while its replay drains.
     */
    void open(HttpServerRequest request, List<StreamedEvent> backlog) {
        StringBuilder replay = new StringBuilder();
        for (StreamedEvent event : backlog) {
            replay.append(event.sseFrame());
        }
        int replayBytes = replay.length() * 3; // UTF-8 upper bound without encoding twice
        HttpServerResponse response = request.response();
        response.setChunked(true)
                .setWriteQueueMaxSize((int) Math.min(Integer.MAX_VALUE, (long) maxQueuedBytes + replayBytes))
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no"); // reverse proxies must not buffer a stream
        response.closeHandler(closed -> clients.remove(request));
        response.exceptionHandler(failure -> clients.remove(request));
        clients.add(request);
        response.writeHead();
        if (!replay.isEmpty()) {
            response.write(replay.toString());
        }
    }

    void broadcast(String frame) {
        for (HttpServerRequest client : new ArrayList<>(clients)) {
            send(client, frame);
        }
    }

    void keepAlive() {
        broadcast(KEEP_ALIVE);
    }

    int size() {
        return clients.size();
    }

    long dropped() {
        return dropped;
    }

    /** Ends every stream (gateway stopping). */
    void closeAll() {
        for (HttpServerRequest client : new ArrayList<>(clients)) {
            clients.remove(client);
            client.response().end();
        }
    }

    private boolean send(HttpServerRequest client, String frame) {
        HttpServerResponse response = client.response();
        if (response.closed() || response.ended()) {
            clients.remove(client);
            return false;
        }
        if (response.writeQueueFull()) {
            drop(client);
            return false;
        }
        response.write(frame);
        return true;
    }

    private void drop(HttpServerRequest client) {
        clients.remove(client);
        dropped++;
        LOG.log(
                System.Logger.Level.WARNING,
                "dropping slow SSE client " + client.remoteAddress() + ": more than " + maxQueuedBytes
                        + " bytes unsent");
        if (client.version() == HttpVersion.HTTP_2) {
            client.response().reset(); // one stream; the connection may carry others
        } else {
            reset(client.connection());
        }
    }

    /**
     * Closes the connection now, unsent bytes discarded, with a TCP reset (see the class comment): {@code SO_LINGER}
     * 0 and a close at the transport, under the pipeline, whose Vert.x handler would hold a close until the unsent
     * bytes are written.
     */
    static void reset(HttpConnection connection) {
        if (!(connection instanceof ConnectionBase base)) {
            connection.close();
            return;
        }
        Channel channel = base.channel();
        Runnable reset = () -> {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.unsafe().close(channel.voidPromise());
        };
        if (channel.eventLoop().inEventLoop()) {
            reset.run();
        } else {
            channel.eventLoop().execute(reset);
        }
    }
}
