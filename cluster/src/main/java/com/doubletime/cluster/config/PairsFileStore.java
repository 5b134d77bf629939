package com.doubletime.cluster.config;

import com.doubletime.domain.MarketPair;
import com.doubletime.domain.format.PairJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Keeps the pairs changed over the API in the pairs file itself, so what runs after a restart is what ran before
 * it and the file stays the one place a trader reads and edits. Each save writes the whole list (contracts §1
 * shape, JSON, which YAML readers accept too) to a temporary file in the same directory, flushes it to disk,
 * copies the file it replaces to {@code <file>.bak}, then renames the new file over the old one: a crash leaves
 * either the old or the new list, never half of one. Comments and formatting of a hand-written file are not
 * kept (the backup has them).
 */
public final class PairsFileStore {
    public static final String BACKUP_SUFFIX = ".bak";
    private static final String TEMPORARY_SUFFIX = ".saving";

    private final Path file;

    public PairsFileStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    public Path backup() {
        return file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    }

    /** Null when a save can be expected to work; else why it cannot (the directory or file is not writable). */
    public String unwritableReason() {
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return "its directory " + directory + " does not exist";
        }
        if (!Files.isWritable(directory)) {
            return "its directory " + directory + " is not writable";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return file + " is read-only";
        }
        return null;
    }

    /** The file's text for {@code pairs}: {@code {"pairs":[...]}}, each pair as {@link PairJson} writes it. */
    public static String text(List<MarketPair> pairs) {
        JsonArray list = new JsonArray();
        pairs.forEach(pair -> list.add(new JsonObject(PairJson.toMap(pair))));
        return new JsonObject().put("pairs", list).encodePrettily() + "\n";
    }

    /**
     * Replaces the file's pairs with {@code pairs}, atomically, keeping the previous file as the backup. Blocking
     * (a flush to disk): call it off the event loop.
     *
     * @throws IOException naming the file when it cannot be written; the file is then unchanged
     */
    public void save(List<MarketPair> pairs) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
        byte[] bytes = text(pairs).getBytes(StandardCharsets.UTF_8);
        try {
            try (FileChannel out = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            if (Files.exists(file)) {
                Files.copy(file, backup(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory();
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot save the pairs file " + file + ": " + e, e);
        }
    }

    /** The rename is durable once the directory entry is: best effort, as not every file system allows it. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // the new content is already flushed; only the rename could be lost on a power cut
        }
    }
}
