package io.vigie.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job on several threads released at the same instant: the schedulers of several instances of the service
 * firing together on the same database, as they do when it is scaled out. The service's own scheduler keeps running
 * beside them.
 */
public final class Racers {

    private Racers() {
    }

    /** Runs {@code job} {@code racers} times at once; returns when all are done, with what each returned. */
    public static <T> List<T> race(int racers, Callable<T> job) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> runs = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                runs.add(threads.submit(() -> {
                    go.await();
                    return job.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
