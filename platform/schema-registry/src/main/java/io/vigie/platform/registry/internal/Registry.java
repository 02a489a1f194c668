package io.vigie.platform.registry.internal;

import io.vigie.platform.registry.internal.Change.LevelDeleted;
import io.vigie.platform.registry.internal.Change.LevelSet;
import io.vigie.platform.registry.internal.Change.Registered;
import io.vigie.platform.registry.internal.Change.SubjectDeleted;
import io.vigie.platform.registry.internal.Change.VersionDeleted;
import io.vigie.platform.registry.internal.CompatibilityChecker.PreviousVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subjects, versions, global ids and compatibility levels, rebuilt from the {@link RegistryLog} at start.
 *
 * <p>Writers take one lock, check, append the change to the log (fsynced) and only then apply it, so nothing a
 * client was told survives less than a restart. Readers take no lock: every map is concurrent and a subject's
 * versions are an immutable list swapped whole, so a reader sees a version before or after a change, never
 * half of one. A schema is put before the version that uses it, so a visible version always resolves.
 */
public final class Registry implements AutoCloseable {

    /** Confluent's marker for "the latest version" in version paths ({@code latest} or {@code -1}). */
    static final int LATEST = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Integer, StoredSchema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsByIdentity = new ConcurrentHashMap<>();
    private final Map<String, List<SubjectVersion>> subjects = new ConcurrentHashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new ConcurrentHashMap<>();
    private volatile CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    /** Survives permanent deletes so an id is never handed to a different schema. Guarded by writeLock. */
    private int highestIdAssigned;
    private RegistryLog log;

    record SubjectVersion(int version, int id, boolean deleted) {
    }

    record VersionedSchema(String subject, int version, int id, String schema) {
    }

    record SubjectAndVersion(String subject, int version) {
    }

    record CompatibilityCheck(boolean compatible, List<String> messages) {
    }

    private Registry() {
    }

    public static Registry open(Path dataDirectory) {
        Registry registry = new Registry();
        try {
            registry.log = RegistryLog.open(dataDirectory, registry::apply);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the schema registry data in " + dataDirectory, e);
        }
        return registry;
    }

    /** Registers {@code schemaText} under {@code subject}; returns the global id, reusing it if already known. */
    int register(String subject, String schemaText) {
        Schema candidate = AvroSchemas.parse(schemaText);
        String identity = candidate.toString();
        writeLock.lock();
        try {
            List<SubjectVersion> versions = versionsOf(subject);
            for (int i = versions.size() - 1; i >= 0; i--) {
                SubjectVersion version = versions.get(i);
                if (!version.deleted() && schemasById.get(version.id()).identity().equals(identity)) {
                    return version.id();
                }
            }
            CompatibilityLevel level = effectiveLevel(subject);
            List<String> problems = CompatibilityChecker.check(level, candidate, live(versions));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems);
            }
            Integer knownId = idsByIdentity.get(identity);
            int id = knownId != null ? knownId : highestIdAssigned + 1;
            String text = knownId != null ? schemasById.get(knownId).text() : schemaText;
            int version = versions.stream().mapToInt(SubjectVersion::version).max().orElse(0) + 1;
            commit(new Registered(subject, version, id, text));
            return id;
        } finally {
            writeLock.unlock();
        }
    }

    /** Soft or permanent delete of every version; returns the versions deleted. */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        writeLock.lock();
        try {
            List<SubjectVersion> versions = versionsOf(subject);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<Integer> affected = new ArrayList<>();
            for (SubjectVersion version : versions) {
                if (permanent && !version.deleted()) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                if (permanent || !version.deleted()) {
                    affected.add(version.version());
                }
            }
            if (affected.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            commit(new SubjectDeleted(subject, permanent));
            return affected;
        } finally {
            writeLock.unlock();
        }
    }

    /** Soft or permanent delete of one version ({@link #LATEST} allowed); returns its number. */
    int deleteVersion(String subject, int requested, boolean permanent) {
        writeLock.lock();
        try {
            List<SubjectVersion> versions = versionsOf(subject);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            SubjectVersion target;
            if (requested == LATEST) {
                // A permanent delete targets versions that are already soft-deleted, so it must see them.
                List<SubjectVersion> candidates = permanent ? versions : liveVersionsOf(subject);
                if (candidates.isEmpty()) {
                    throw RegistryException.subjectNotFound(subject);
                }
                target = candidates.get(candidates.size() - 1);
            } else {
                target = versions.stream()
                        .filter(v -> v.version() == requested)
                        .findFirst()
                        .orElseThrow(() -> RegistryException.versionNotFound(requested));
            }
            if (permanent && !target.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, target.version());
            }
            if (!permanent && target.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, target.version());
            }
            commit(new VersionDeleted(subject, target.version(), permanent));
            return target.version();
        } finally {
            writeLock.unlock();
        }
    }

    /** {@code subject == null} sets the global level. */
    void setLevel(String subject, CompatibilityLevel level) {
        writeLock.lock();
        try {
            commit(new LevelSet(subject, level));
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes a subject's level (or resets the global one to BACKWARD); returns the level it had. */
    CompatibilityLevel deleteLevel(String subject) {
        writeLock.lock();
        try {
            CompatibilityLevel removed = subject == null ? globalLevel : subjectLevels.get(subject);
            if (removed == null) {
                throw RegistryException.subjectLevelNotConfigured(subject);
            }
            commit(new LevelDeleted(subject));
            return removed;
        } finally {
            writeLock.unlock();
        }
    }

    Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id)).map(StoredSchema::text);
    }

    List<SubjectAndVersion> versionsUsing(int id, boolean includeDeleted) {
        if (!schemasById.containsKey(id)) {
            throw RegistryException.schemaNotFound(id);
        }
        List<SubjectAndVersion> result = new ArrayList<>();
        for (String subject : subjects(true, "")) {
            for (SubjectVersion version : versionsOf(subject)) {
                if (version.id() == id && (includeDeleted || !version.deleted())) {
                    result.add(new SubjectAndVersion(subject, version.version()));
                }
            }
        }
        return result;
    }

    /** Sorted subject names having a live version, or any version when {@code includeDeleted}. */
    List<String> subjects(boolean includeDeleted, String prefix) {
        List<String> names = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if (subject.startsWith(prefix) && (includeDeleted || versions.stream().anyMatch(v -> !v.deleted()))) {
                names.add(subject);
            }
        });
        Collections.sort(names);
        return names;
    }

    List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        List<SubjectVersion> visible = includeDeleted ? versionsOf(subject) : liveVersionsOf(subject);
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return visible.stream().map(SubjectVersion::version).toList();
    }

    VersionedSchema version(String subject, int requested, boolean includeDeleted) {
        List<SubjectVersion> visible = includeDeleted ? versionsOf(subject) : liveVersionsOf(subject);
        return toVersionedSchema(subject, pick(subject, visible, requested));
    }

    /** The version of {@code subject} holding this schema (the latest if several do). */
    VersionedSchema lookup(String subject, String schemaText, boolean includeDeleted) {
        String identity = AvroSchemas.parse(schemaText).toString();
        List<SubjectVersion> visible = includeDeleted ? versionsOf(subject) : liveVersionsOf(subject);
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        for (int i = visible.size() - 1; i >= 0; i--) {
            SubjectVersion version = visible.get(i);
            if (schemasById.get(version.id()).identity().equals(identity)) {
                return toVersionedSchema(subject, version);
            }
        }
        throw RegistryException.schemaNotFoundUnderSubject();
    }

    /**
     * Checks a schema against one version ({@link #LATEST} allowed) or, when {@code requested} is null, against
     * every live version as registration would.
     */
    CompatibilityCheck checkCompatibility(String subject, Integer requested, String schemaText) {
        Schema candidate = AvroSchemas.parse(schemaText);
        List<SubjectVersion> live = liveVersionsOf(subject);
        List<SubjectVersion> against = requested == null ? live : List.of(pick(subject, live, requested));
        List<String> messages = CompatibilityChecker.check(effectiveLevel(subject), candidate, live(against));
        return new CompatibilityCheck(messages.isEmpty(), messages);
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    @Override
    public void close() {
        // Taking the write lock lets an append in progress finish before the file goes away.
        writeLock.lock();
        try {
            log.close();
        } catch (IOException e) {
            LOG.warn("Failed to close the registry log cleanly", e);
        } finally {
            writeLock.unlock();
        }
    }

    private void commit(Change change) {
        try {
            log.append(change);
        } catch (IOException e) {
            LOG.error("Could not write {} to the registry log", change, e);
            throw RegistryException.storeError();
        }
        apply(change);
    }

    /** The only place state changes; used live and on replay. Assumes the change was validated. */
    private void apply(Change change) {
        if (change instanceof Registered registered) {
            StoredSchema schema = schemasById.computeIfAbsent(registered.id(),
                    id -> StoredSchema.parse(id, registered.schema()));
            idsByIdentity.putIfAbsent(schema.identity(), schema.id());
            highestIdAssigned = Math.max(highestIdAssigned, registered.id());
            replaceVersions(registered.subject(),
                    versions -> versions.add(new SubjectVersion(registered.version(), registered.id(), false)));
        } else if (change instanceof VersionDeleted deleted) {
            if (deleted.permanent()) {
                List<Integer> ids = versionsOf(deleted.subject()).stream()
                        .filter(v -> v.version() == deleted.version())
                        .map(SubjectVersion::id)
                        .toList();
                replaceVersions(deleted.subject(), versions -> versions.removeIf(v -> v.version() == deleted.version()));
                ids.forEach(this::forgetIfUnused);
            } else {
                replaceVersions(deleted.subject(), versions -> versions.replaceAll(v ->
                        v.version() == deleted.version() ? new SubjectVersion(v.version(), v.id(), true) : v));
            }
        } else if (change instanceof SubjectDeleted deleted) {
            if (deleted.permanent()) {
                List<SubjectVersion> removed = subjects.remove(deleted.subject());
                if (removed != null) {
                    removed.forEach(v -> forgetIfUnused(v.id()));
                }
            } else {
                replaceVersions(deleted.subject(), versions -> versions.replaceAll(v ->
                        new SubjectVersion(v.version(), v.id(), true)));
                // Confluent drops a subject's own level along with the subject.
                subjectLevels.remove(deleted.subject());
            }
        } else if (change instanceof LevelSet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        } else if (change instanceof LevelDeleted deleted) {
            if (deleted.subject() == null) {
                globalLevel = CompatibilityLevel.BACKWARD;
            } else {
                subjectLevels.remove(deleted.subject());
            }
        } else {
            throw new IllegalArgumentException("Unknown change " + change);
        }
    }

    private void replaceVersions(String subject, Consumer<List<SubjectVersion>> edit) {
        List<SubjectVersion> copy = new ArrayList<>(versionsOf(subject));
        edit.accept(copy);
        if (copy.isEmpty()) {
            subjects.remove(subject);
        } else {
            subjects.put(subject, List.copyOf(copy));
        }
    }

    /** A permanent delete removes the id too once no version, live or soft-deleted, refers to it. */
    private void forgetIfUnused(int id) {
        boolean used = subjects.values().stream().flatMap(List::stream).anyMatch(v -> v.id() == id);
        if (!used) {
            StoredSchema schema = schemasById.remove(id);
            if (schema != null) {
                idsByIdentity.remove(schema.identity(), id);
            }
        }
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<SubjectVersion> versionsOf(String subject) {
        return subjects.getOrDefault(subject, List.of());
    }

    private List<SubjectVersion> liveVersionsOf(String subject) {
        return versionsOf(subject).stream().filter(v -> !v.deleted()).toList();
    }

    private List<PreviousVersion> live(List<SubjectVersion> versions) {
        return versions.stream()
                .filter(v -> !v.deleted())
                .map(v -> new PreviousVersion(v.version(), schemasById.get(v.id())))
                .toList();
    }

    private static SubjectVersion pick(String subject, List<SubjectVersion> visible, int requested) {
        if (visible.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (requested == LATEST) {
            return visible.get(visible.size() - 1);
        }
        return visible.stream()
                .filter(v -> v.version() == requested)
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(requested));
    }

    private VersionedSchema toVersionedSchema(String subject, SubjectVersion version) {
        return new VersionedSchema(subject, version.version(), version.id(), schemasById.get(version.id()).text());
    }
}
