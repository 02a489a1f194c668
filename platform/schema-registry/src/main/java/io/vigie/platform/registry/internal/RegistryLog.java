package io.vigie.platform.registry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's only storage: an append-only file of JSON lines, one {@link Change} per line, forced to disk
 * before the change is acknowledged. Not thread-safe; the registry serializes writers.
 */
final class RegistryLog implements Closeable {

    static final String LOG_FILE = "registry.log";
    static final String LOCK_FILE = "registry.lock";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel channel;
    private final Clock clock;
    private long size;
    private boolean closed;

    private RegistryLog(Path file, FileChannel lockChannel, FileLock lock, FileChannel channel, long size, Clock clock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.channel = channel;
        this.size = size;
        this.clock = clock;
    }

    /** Opens (or creates) the log in {@code directory}, handing every stored change to {@code replay} in order. */
    static RegistryLog open(Path directory, Consumer<Change> replay) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        FileChannel channel = null;
        try {
            lock = tryLock(lockChannel, directory);
            Path file = directory.resolve(LOG_FILE);
            boolean created = !Files.exists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long validLength = replay(file, replay);
            if (validLength < channel.size()) {
                LOG.warn("Dropping an incomplete last record at byte {} of {} (the previous run stopped while writing it;"
                        + " it was never acknowledged)", validLength, file);
                channel.truncate(validLength);
                channel.force(true);
            }
            if (created) {
                forceDirectory(directory);
            }
            return new RegistryLog(file, lockChannel, lock, channel, validLength, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (lock != null) {
                lock.release();
            }
            closeQuietly(lockChannel);
            throw e;
        }
    }

    void append(Change change) throws IOException {
        if (closed) {
            throw new IOException("The registry log " + file + " is closed");
        }
        byte[] line = (JSON.writeValueAsString(Change.toJson(change, clock.instant())) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long position = size;
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException e) {
            // Cut the half-written line off so the next append does not land behind garbage.
            try {
                channel.truncate(size);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        size = position;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    private static FileLock tryLock(FileChannel lockChannel, Path directory) throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("The data directory " + directory
                    + " is already used by another running schema registry");
        }
        return lock;
    }

    /**
     * Returns the length of the valid prefix. A last line without its newline, or one that does not parse, is a
     * write the previous run never finished (and never acknowledged); anything broken before that is corruption.
     */
    private static long replay(Path file, Consumer<Change> replay) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            if (end < 0) {
                return start;
            }
            lineNumber++;
            String line = new String(content, start, end - start, StandardCharsets.UTF_8);
            boolean last = end == content.length - 1;
            if (!line.isBlank()) {
                Change change;
                try {
                    change = Change.fromJson(JSON.readTree(line));
                } catch (IOException | IllegalArgumentException e) {
                    if (last) {
                        return start;
                    }
                    throw new IOException("Corrupt record on line " + lineNumber + " of " + file + ": " + e.getMessage(), e);
                }
                replay.accept(change);
            }
            start = end + 1;
        }
        return start;
    }

    private static int indexOf(byte[] content, byte wanted, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Makes the new file's directory entry durable too; some platforms cannot open a directory, which is fine. */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not fsync directory {}", directory, e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("Ignoring failure to close {}", closeable, e);
        }
    }
}
