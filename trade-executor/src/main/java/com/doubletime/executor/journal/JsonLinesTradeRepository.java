package com.doubletime.executor.journal;

import com.doubletime.domain.format.TradeJournalJson;
import com.doubletime.domain.trade.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded trade journal: one JSON object per line ({@link TradeJournalJson}), appended and forced to
 * the disk before {@link #append} completes (unless opened {@link JournalSync#WRITE_ONLY}, an explicit opt-in
 * that survives the process dying but not a power cut). Writes run on a worker thread so the event loop never waits
 * for the disk; they are ordered per calling context and serialised on the file.
 *
 * <p>On open the file is read back ({@link JournalFileLines}: bounded line length, strict UTF-8) and its last
 * {@code retained} entries kept in memory for {@link #recent}, each event id once. A last line cut short by a crash
 * in the middle of its write (no line break, JSON that ends early) was never acknowledged under {@code fdatasync}
 * (the append completes only once the whole line is on disk), so it is cut off the file with a warning naming its
 * line and size. Every other line that cannot be read (bad JSON, a bad decimal, invalid UTF-8, NUL bytes, a line
 * over the length limit) is reported by {@link #readBack} with its line number: a damaged journal, which the
 * executor does not trade on until an operator acknowledges it. If the file does not end with a line break the next
 * entry starts on a fresh line, so a damaged tail never swallows a good entry.
 *
 * <p>Idempotent like the PostgreSQL journal: the {@linkplain TradeJournalJson#eventId event ids} written are
 * kept in memory (read back at open), and an entry whose id is already recorded is not written again.
 *
 * <p>{@link #appendAll} writes all its lines with one write and forces them with one {@code fdatasync}: a crash
 * leaves none, a prefix, or all of them (a torn last line is cut off at open), never a later one without an
 * earlier one.
 */
public final class JsonLinesTradeRepository implements TradeRepository {
    private static final System.Logger LOG = System.getLogger(JsonLinesTradeRepository.class.getName());
    /** How much of a torn last line the warning shows. */
    private static final int TORN_TAIL_SHOWN = 200;

    private final Vertx vertx;
    private final Path path;
    private final FileChannel channel;
    private final int retained;
    private final ArrayDeque<JournalEntry> recent;
    private final int skippedLines;
    private final Set<String> eventIds;
    /** Guarded by {@code channel}. */
    private long forces;
    /** Guarded by {@code channel}: a failed write could not be cut off, so the next one starts a fresh line. */
    private boolean lineBreakOwed;

    private final JournalSync sync;

    private JsonLinesTradeRepository(
            Vertx vertx,
            Path path,
            FileChannel channel,
            int retained,
            ArrayDeque<JournalEntry> recent,
            int skippedLines,
            Set<String> eventIds,
            JournalSync sync) {
        this.sync = sync;
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
        return open(vertx, path, retained, JournalSync.FDATASYNC);
    }

    /** As {@link #open(Vertx, Path, int)}, with {@link JournalSync#WRITE_ONLY} as an explicit, logged opt-in. */
    public static Future<JsonLinesTradeRepository> open(Vertx vertx, Path path, int retained, JournalSync sync) {
        if (retained <= 0) {
            throw new IllegalArgumentException("retained must be positive");
        }
        if (sync == JournalSync.WRITE_ONLY) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "trade journal " + path + " is write-only (journalSync: write-only): "
                            + "entries survive the process dying but not a power cut; the default fdatasync does");
        }
        return vertx.executeBlocking(() -> openBlocking(vertx, path, retained, sync));
    }

    private static JsonLinesTradeRepository openBlocking(Vertx vertx, Path path, int retained, JournalSync sync)
            throws IOException {
        Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        boolean created = !Files.exists(absolute);
        ArrayDeque<JournalEntry> recent = new ArrayDeque<>(Math.min(retained, 4096));
        Set<String> eventIds = new HashSet<>();
        OpenScan scan = created ? new OpenScan(0, -1) : readBack(absolute, retained, recent, eventIds, sync);
        FileChannel channel = FileChannel.open(
                absolute, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            if (created) {
                forceDirectory(absolute.getParent());
            } else if (scan.tornTailAt >= 0) {
                channel.truncate(scan.tornTailAt);
                channel.force(false);
            } else if (!endsWithLineBreak(absolute)) {
                writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new JsonLinesTradeRepository(
                vertx, absolute, channel, retained, recent, scan.unreadable, eventIds, sync);
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
                })
                .mapEmpty();
    }

    /** All the entries' lines in one write and one {@code fdatasync}; entries already recorded are left out. */
    @Override
    public Future<Void> appendAll(List<JournalEntry> entries) {
        if (entries.size() == 1) {
            return append(entries.get(0));
        }
        List<String> eventIds = new ArrayList<>(entries.size());
        List<byte[]> lines = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            eventIds.add(TradeJournalJson.eventId(entry));
            lines.add((TradeJournalJson.write(entry) + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return vertx.<boolean[]>executeBlocking(() -> writeAndForce(eventIds, lines))
                .onSuccess(written -> {
                    for (int i = 0; i < written.length; i++) {
                        if (written[i]) {
                            remember(entries.get(i));
                        }
                    }
                })
                .mapEmpty();
    }

    @Override
    public Future<List<JournalEntry>> recent(int limit) {
        synchronized (recent) {
            List<JournalEntry> all = new ArrayList<>(recent);
            return Future.succeededFuture(List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size())));
        }
    }

    @Override
    public Future<Void> forEach(Consumer<JournalEntry> visitor) {
        return readBack(new ReadBack() {
            @Override
            public void entry(JournalEntry entry, String where) {
                visitor.accept(entry);
            }

            @Override
            public void unreadable(String where, String problem) {
                // reported to the executor by readBack; forEach lists what can be read
            }
        });
    }

    /** Every line back, oldest first: each entry, and each line that cannot be read, named by path and number. */
    @Override
    public Future<Void> readBack(ReadBack readBack) {
        return vertx.executeBlocking(() -> {
            synchronized (channel) { // a consistent prefix: no write is half-way through while reading
                try (JournalFileLines lines = JournalFileLines.open(path)) {
                    for (JournalFileLines.Line line = lines.next(); line != null; line = lines.next()) {
                        String where = path + " line " + line.number();
                        if (!line.readable()) {
                            readBack.unreadable(where, line.problem());
                        } else if (!line.blank()) {
                            try {
                                readBack.entry(JournalLines.read(line.text()), where);
                            } catch (IllegalArgumentException e) {
                                readBack.unreadable(where, e.getMessage());
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

    /** Lines that could not be read back at open (a torn last line cut off is not one of them). */
    public int skippedLines() {
        return skippedLines;
    }

    /** False when the entry was recorded before (nothing written). */
    private boolean writeAndForce(String eventId, byte[] line) throws IOException {
        return writeAndForce(List.of(eventId), List.of(line))[0];
    }

    /** Which lines were written: one recorded before, or earlier in the same call, is not written again. */
    private boolean[] writeAndForce(List<String> ids, List<byte[]> lines) throws IOException {
        synchronized (channel) {
            boolean[] written = new boolean[lines.size()];
            Set<String> batch = new HashSet<>();
            int bytes = 0;
            for (int i = 0; i < lines.size(); i++) {
                written[i] = !eventIds.contains(ids.get(i)) && batch.add(ids.get(i));
                bytes += written[i] ? lines.get(i).length : 0;
            }
            if (bytes == 0) {
                return written;
            }
            ByteBuffer buffer = ByteBuffer.allocate(bytes + (lineBreakOwed ? 1 : 0));
            if (lineBreakOwed) {
                buffer.put((byte) '\n'); // a failed write's partial line could not be cut off: end it first
            }
            for (int i = 0; i < lines.size(); i++) {
                if (written[i]) {
                    buffer.put(lines.get(i));
                }
            }
            long before = channel.size();
            try {
                writeFully(channel, buffer.flip());
                if (sync == JournalSync.FDATASYNC) {
                    // fdatasync: the entries must survive a power cut before anyone is told they were recorded
                    channel.force(false);
                    forces++;
                }
            } catch (IOException e) {
                undo(before, e);
                throw e;
            }
            lineBreakOwed = false;
            eventIds.addAll(batch);
            return written;
        }
    }

    /**
     * A write that failed (a full disk) may have left part of its lines, and a failed {@code fdatasync} leaves it
     * unknown what reached the disk: the file is cut back to where the write began, so the same entries written again
     * once the disk is back are whole, once. When even that fails, the next write starts with a line break so the
     * partial line stays a line of its own (reported as damaged at the next start) and never swallows an entry.
     */
    private void undo(long before, IOException failure) {
        try {
            channel.truncate(before);
            channel.force(false);
        } catch (IOException e) {
            failure.addSuppressed(e);
            lineBreakOwed = true;
        }
    }

    /** How many times the file was forced to disk since it was opened (one per append or appendAll that wrote). */
    public long forces() {
        synchronized (channel) {
            return forces;
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

    /** What the read at open found: lines that cannot be read, and where a torn last line starts (-1: none). */
    private record OpenScan(int unreadable, long tornTailAt) {}

    private static OpenScan readBack(
            Path path, int retained, ArrayDeque<JournalEntry> into, Set<String> eventIds, JournalSync sync)
            throws IOException {
        int unreadable = 0;
        long tornTailAt = -1;
        try (JournalFileLines lines = JournalFileLines.open(path)) {
            for (JournalFileLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.readable() && line.blank()) {
                    continue;
                }
                JournalEntry entry = null;
                String problem = line.problem();
                if (line.readable()) {
                    try {
                        entry = JournalLines.read(line.text());
                    } catch (IllegalArgumentException e) {
                        problem = e.getMessage();
                    }
                }
                if (entry != null) {
                    // a repeated line is one entry: the executor's fold counts the repeat
                    if (eventIds.add(TradeJournalJson.eventId(entry))) {
                        into.addLast(entry);
                        if (into.size() > retained) {
                            into.removeFirst();
                        }
                    }
                } else if (!line.terminated()
                        && line.readable()
                        && sync == JournalSync.FDATASYNC
                        && JournalLines.endsEarly(line.text())) {
                    tornTailAt = line.offset();
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "trade journal " + path + " line " + line.number() + ": a write cut short by a crash ("
                                    + line.text().length() + " characters, no line break, the JSON ends early) is"
                                    + " cut off: under fdatasync it was never acknowledged, so nothing recorded is"
                                    + " lost. It began: " + abbreviated(line.text()));
                } else {
                    unreadable++;
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "trade journal " + path + " line " + line.number() + " cannot be read: " + problem);
                }
            }
        }
        return new OpenScan(unreadable, tornTailAt);
    }

    private static String abbreviated(String text) {
        return text.length() <= TORN_TAIL_SHOWN ? text : text.substring(0, TORN_TAIL_SHOWN) + "…";
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
