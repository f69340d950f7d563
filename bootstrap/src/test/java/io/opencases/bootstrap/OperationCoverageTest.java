package io.opencases.bootstrap;

import io.opencases.application.Quotas;
import io.opencases.rest.wire.Operation;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** No model operation can be silently missed: each one is implemented or explicitly pending, never both. */
class OperationCoverageTest {

    private final ServerComponent component = DaggerMemoryServerComponent.factory().create(
            new ServerConfig("127.0.0.1", 0, ServerConfig.Storage.MEMORY, "us-east-1", "000000000000", false,
                    List.of(), false, Quotas.AWS_DEFAULTS, ServerConfig.Events.DEFAULT));

    @Test
    void everyModelOperationIsImplementedOrListedAsPending() {
        Set<String> model = component.serviceModel().operations().stream().map(Operation::name)
                .collect(Collectors.toSet());
        Set<String> implemented = component.operations().keySet();

        assertThat(model).hasSize(47);
        var covered = new HashSet<>(implemented);
        covered.addAll(RestModule.PENDING_OPERATIONS);
        assertThat(covered).isEqualTo(model);
        assertThat(implemented).filteredOn(RestModule.PENDING_OPERATIONS::contains).isEmpty();
    }

    @Test
    void allFortySevenOperationsAreImplemented() {
        assertThat(component.operations()).hasSize(47);
        assertThat(RestModule.PENDING_OPERATIONS).isEmpty();
    }
}
