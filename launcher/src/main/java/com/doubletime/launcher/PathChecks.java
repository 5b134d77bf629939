package com.doubletime.launcher;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Checks a path given on the command line before anything starts, so a mistake is named with its option and
 * path instead of surfacing later as "Is a directory" or a bare path from deep inside a service.
 */
final class PathChecks {
    /** Kernel file systems that look like files but hold no data a journal could keep. */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of(
            "proc",
            "sysfs",
            "devtmpfs",
            "devpts",
            "cgroup",
            "cgroup2",
            "debugfs",
            "tracefs",
            "securityfs",
            "configfs",
            "bpf",
            "pstore",
            "mqueue",
            "fusectl",
            "hugetlbfs");

    private PathChecks() {}

    /** An existing regular file to read ({@code --pairs}, {@code --scenario}). */
    static void readableFile(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new Cli.UsageException(option + " " + path + " is a directory: name a file (for example "
                    + path.resolve("pairs.json") + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw new Cli.UsageException(option + ": no file at " + path.toAbsolutePath());
        }
        if (!Files.isReadable(path)) {
            throw new Cli.UsageException(option + " " + path.toAbsolutePath() + " cannot be read");
        }
    }

    /**
     * A file to append to ({@code --journal}): a regular file on a real file system, or a new file in a
     * directory that exists or can be created.
     */
    static void appendableFile(String option, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new Cli.UsageException(option + " " + path + " is a directory: name a file in it (for example "
                    + path.resolve("trades.jsonl") + ")");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new Cli.UsageException(option + " " + absolute + " is not a regular file (a device or a pipe)");
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new Cli.UsageException(option + " " + absolute + ": no part of this path exists");
        }
        if (!Files.isDirectory(existing) && !existing.equals(absolute)) {
            throw new Cli.UsageException(option + " " + absolute + ": " + existing + " is a file, not a directory");
        }
        String type = fileSystemType(existing);
        if (PSEUDO_FILE_SYSTEMS.contains(type)) {
            throw new Cli.UsageException(option + " " + absolute + " is on the kernel's " + type
                    + " file system, which cannot hold a journal: name a file on a disk");
        }
        if (!Files.isWritable(existing)) {
            throw new Cli.UsageException(option + " " + absolute + " cannot be written (" + existing
                    + (Files.isDirectory(existing) ? " is not writable)" : " is read-only)"));
        }
    }

    /** A directory to write into ({@code --record}, {@code --logs}): existing, or creatable. */
    static void writableDirectory(String option, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new Cli.UsageException(option + " " + absolute + " is a file: name a directory");
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new Cli.UsageException(option + " " + absolute + " cannot be created: " + existing + " is a file");
        }
        String type = fileSystemType(existing);
        if (PSEUDO_FILE_SYSTEMS.contains(type)) {
            throw new Cli.UsageException(option + " " + absolute + " is on the kernel's " + type
                    + " file system: name a directory on a disk");
        }
        if (!Files.isWritable(existing)) {
            throw new Cli.UsageException(
                    option + " " + absolute + " cannot be written (" + existing + " is not writable)");
        }
    }

    private static String fileSystemType(Path existing) {
        try {
            FileStore store = Files.getFileStore(existing);
            return store.type();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
