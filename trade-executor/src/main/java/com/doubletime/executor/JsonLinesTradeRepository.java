package com.doubletime.executor;

import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded trade journal: one JSON object per line ({@link TradeJournalJson}), appended and forced to
 * the disk before {@link #append} completes. Writes run on a worker thread so the event loop never waits
 * for the disk; they are ordered per calling context and serialised on the file.
 *
 * <p>On open the file is read back and its last {@code retained} entries kept in memory for
 * {@link #recent}. A line that does not parse (a write torn by a crash, a hand edit) is skipped with a
 * warning rather than refusing to start; if the file does not end with a line break the next entry starts
 * on a fresh line, so a torn tail never swallows a good entry.
 *
 * <p>Idempotent like the PostgreSQL journal: the {@linkplain TradeJournalJson#eventId event ids} written are
 * kept in memory (read back at open), and an entry whose id is already recorded is not written again.
 */
public final class JsonLinesTradeRepository implements TradeRepository {
    private static final System.Logger LOG = System.getLogger(JsonLinesTradeRepository.class.getName());

    private final Vertx vertx;
    private final Path path;
    private final FileChannel channel;
    private final int retained;
    private final ArrayDeque<JournalEntry> recent;
    private final int skippedLines;
    private final java.util.Set<String> eventIds;

    private JsonLinesTradeRepository(Vertx vertx, Path path, FileChannel channel, int retained,
                                     ArrayDeque<JournalEntry> recent, int skippedLines, java.util.Set<String> eventIds) {
        this.vertx = vertx;
        this.path = path;
        this.channel = channel;
        this.retained = retained;
        this.recent = recent;
        this.skippedLines = skippedLines;
        this.eventIds = eventIds;
    }

    /** Opens (creating it and its directory if needed) and reads back the journal, on a worker thread. */
    public static Future<JsonLinesTradeRepository> open(Vertx vertx, Path path, int retained) {
        if (retained <= 0) {
            throw new IllegalArgumentException("retained must be positive");
        }
        return vertx.executeBlocking(() -> openBlocking(vertx, path, retained));
    }

    private static JsonLinesTradeRepository openBlocking(Vertx vertx, Path path, int retained) throws IOException {
        Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        boolean created = !Files.exists(absolute);
        ArrayDeque<JournalEntry> recent = new ArrayDeque<>(Math.min(retained, 4096));
        java.util.Set<String> eventIds = new java.util.HashSet<>();
        int skipped = created ? 0 : readBack(absolute, retained, recent, eventIds);
        boolean tornTail = !created && !endsWithLineBreak(absolute);
        FileChannel channel = FileChannel.open(absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            if (created) {
                forceDirectory(absolute.getParent());
            } else if (tornTail) {
                writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new JsonLinesTradeRepository(vertx, absolute, channel, retained, recent, skipped, eventIds);
    }

    @Override
    public Future<Void> append(JournalEntry entry) {
        byte[] line = (TradeJournalJson.write(entry) + '\n').getBytes(StandardCharsets.UTF_8);
        String eventId = TradeJournalJson.eventId(entry);
        return vertx.<Boolean>executeBlocking(() -> writeAndForce(eventId, line))
                .onSuccess(written -> {
                    if (written) {
                        remember(entry);
                    }
                }).mapEmpty();
    }

    @Override
    public Future<List<JournalEntry>> recent(int limit) {
        synchronized (recent) {
            List<JournalEntry> all = new ArrayList<>(recent);
            return Future.succeededFuture(List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size())));
        }
    }

    @Override
    public Future<Void> forEach(java.util.function.Consumer<JournalEntry> visitor) {
        return vertx.executeBlocking(() -> {
            synchronized (channel) { // a consistent prefix: no write is half-way through while reading
                try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (!line.isBlank()) {
                            try {
                                visitor.accept(TradeJournalJson.read(line));
                            } catch (IllegalArgumentException e) {
                                // already reported when the journal was opened
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    @Override
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            synchronized (channel) {
                channel.close();
            }
            return null;
        });
    }

    public Path path() {
        return path;
    }

    /** Lines that could not be read back at open. */
    public int skippedLines() {
        return skippedLines;
    }

    /** False when the entry was recorded before (nothing written). */
    private boolean writeAndForce(String eventId, byte[] line) throws IOException {
        synchronized (channel) {
            if (eventIds.contains(eventId)) {
                return false;
            }
            writeFully(channel, ByteBuffer.wrap(line));
            // fdatasync: the entry must survive a power cut before anyone is told it was recorded
            channel.force(false);
            eventIds.add(eventId);
            return true;
        }
    }

    private void remember(JournalEntry entry) {
        synchronized (recent) {
            recent.addLast(entry);
            if (recent.size() > retained) {
                recent.removeFirst();
            }
        }
    }

    private static int readBack(Path path, int retained, ArrayDeque<JournalEntry> into, java.util.Set<String> eventIds)
            throws IOException {
        int skipped = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JournalEntry entry = TradeJournalJson.read(line);
                    eventIds.add(TradeJournalJson.eventId(entry));
                    into.addLast(entry);
                    if (into.size() > retained) {
                        into.removeFirst();
                    }
                } catch (IllegalArgumentException e) {
                    skipped++;
                    LOG.log(System.Logger.Level.WARNING, "trade journal " + path + " line " + lineNumber
                            + " skipped: " + e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return skipped;
    }

    private static boolean endsWithLineBreak(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** A new file's directory entry must be durable too, or the whole journal can vanish in a crash. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot fsync directory " + directory + ": " + e.getMessage());
        }
    }
}
