package io.vigie.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends RegistryServerTestSupport {

    private static final int THREADS = 8;
    private static final int SCHEMAS_PER_THREAD = 10;

    @Test
    void shouldGiveDistinctReadableIdsToSchemasRegisteredConcurrently() throws Exception {
        // Unrelated records under one subject would fail compatibility; versions are what is being raced here.
        http.put("/config", "{\"compatibility\":\"NONE\"}");

        List<Integer> ids = runConcurrently(thread -> () -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < SCHEMAS_PER_THREAD; i++) {
                mine.add(http.registerId("thread" + thread + "-value", recordNamed("T" + thread + "N" + i)));
            }
            return mine;
        });

        assertThat(ids).hasSize(THREADS * SCHEMAS_PER_THREAD).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(rangeClosed(THREADS * SCHEMAS_PER_THREAD));
        assertThat(http.get("/subjects/thread3-value/versions").body()).isEqualTo("[1,2,3,4,5,6,7,8,9,10]");
        for (int id : ids) {
            assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        }
        restart();
        assertThat(http.get("/subjects").json()).hasSize(THREADS);
        for (int id : ids) {
            assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        }
    }

    @Test
    void shouldGiveOneIdToTheSameSchemaRegisteredConcurrentlyUnderManySubjects() throws Exception {
        List<Integer> ids = runConcurrently(thread -> () -> List.of(http.registerId("s" + thread + "-value", ALERT_V1)));

        assertThat(new HashSet<>(ids)).containsExactly(1);
    }

    private interface Task {
        Callable<List<Integer>> forThread(int thread);
    }

    private List<Integer> runConcurrently(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Callable<List<Integer>> work = task.forThread(thread);
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<Integer> ids = new ArrayList<>();
            for (Future<List<Integer>> future : futures) {
                ids.addAll(future.get(30, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<Integer> rangeClosed(int last) {
        Set<Integer> range = new HashSet<>();
        for (int i = 1; i <= last; i++) {
            range.add(i);
        }
        return range;
    }
}
