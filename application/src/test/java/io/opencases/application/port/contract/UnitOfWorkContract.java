package io.opencases.application.port.contract;

import io.opencases.application.port.UnitOfWork;
import io.opencases.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every UnitOfWork adapter must do: hand back results and failures untouched, and run after-commit actions only
 * for writes that commit. That writers' reads and writes of stored data are serialisable is each adapter's own test:
 * the memory adapter serialises writers outright, PostgreSQL serialises the transactions that touch the same rows.
 */
public interface UnitOfWorkContract {

    UnitOfWork unitOfWork();

    @Test
    default void writeReturnsTheSuppliersValue() {
        assertThat(unitOfWork().write(() -> "written")).isEqualTo("written");
    }

    @Test
    default void readReturnsTheSuppliersValue() {
        assertThat(unitOfWork().read(() -> 42)).isEqualTo(42);
    }

    @Test
    default void runnableWriteRunsTheWork() {
        var ran = new boolean[1];

        unitOfWork().write(() -> {
            ran[0] = true;
        });

        assertThat(ran[0]).isTrue();
    }

    @Test
    default void anExceptionThrownInsideWritePropagatesUnchanged() {
        var failure = new DomainException.Conflict("name taken");

        assertThatThrownBy(() -> unitOfWork().write(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    default void anExceptionThrownInsideReadPropagatesUnchanged() {
        var failure = new DomainException.NotFound("Domain", "d1");

        assertThatThrownBy(() -> unitOfWork().read(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    default void anotherThreadCanWriteAfterAFailedWrite() throws Exception {
        assertThatThrownBy(() -> unitOfWork().write(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        String result = CompletableFuture.supplyAsync(() -> unitOfWork().write(() -> "after"))
                .get(10, TimeUnit.SECONDS);

        assertThat(result).isEqualTo("after");
    }

    @Test
    default void afterCommitActionsRunWhenTheWriteCommitsInOrder() {
        var ran = new ArrayList<String>();

        String result = unitOfWork().write(() -> {
            unitOfWork().afterCommit(() -> ran.add("first"));
            unitOfWork().afterCommit(() -> ran.add("second"));
            assertThat(ran).isEmpty();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    default void afterCommitActionsOfAFailedWriteNeverRun() {
        var ran = new ArrayList<String>();

        assertThatThrownBy(() -> unitOfWork().write(() -> {
            unitOfWork().afterCommit(() -> ran.add("lost"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        unitOfWork().write(() -> {
        });

        assertThat(ran).isEmpty();
    }

    @Test
    default void afterCommitOutsideAWriteRunsAtOnce() {
        var ran = new ArrayList<String>();

        unitOfWork().afterCommit(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
    }
}
