package io.opencases.memory;

import io.opencases.application.port.UnitOfWork;
import io.opencases.application.port.contract.UnitOfWorkContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory UnitOfWork against the shared UnitOfWorkContract, and its own guarantee: writers run one at a time. */
class MemoryUnitOfWorkTest implements UnitOfWorkContract {
    private final MemoryUnitOfWork unitOfWork = new MemoryUnitOfWork();

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Test
    void concurrentWritersNeverLoseAnUpdate() throws Exception {
        int writers = 8;
        int incrementsEach = 2_000;
        var counter = new int[1];
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < incrementsEach; i++) {
                        unitOfWork.write(() -> {
                            counter[0]++;
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counter[0]).isEqualTo(writers * incrementsEach);
    }
}
