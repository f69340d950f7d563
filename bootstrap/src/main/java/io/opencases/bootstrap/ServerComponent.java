package io.opencases.bootstrap;

import io.opencases.rest.OperationHandler;
import io.opencases.rest.RestServer;
import io.opencases.rest.wire.ServiceModel;

import java.util.Map;

/** What every storage profile's component gives main: a server ready to start. */
public interface ServerComponent {
    ServerConfig config();

    RestServer server();

    ServiceModel serviceModel();

    /** Delivers the case event outbox; main runs it on a background thread. */
    io.opencases.application.event.CaseEventDispatcher eventDispatcher();

    /** The stores, for bulk loading (the benchmark harness) and maintenance commands. */
    io.opencases.application.port.CaseRepository caseRepository();

    io.opencases.application.port.CaseIndex caseIndex();

    io.opencases.application.port.UnitOfWork unitOfWork();

    /** Keeps the search index in step with the store; the server runs it at start and in a background loop. */
    io.opencases.application.search.CaseIndexMaintenance indexMaintenance();

    /** Applies the case changes to the index on its own thread; the server stops it before closing the index. */
    io.opencases.application.search.CaseIndexer caseIndexer();

    /** What the server closes when it stops (the index, the storage pool). */
    java.util.Set<AutoCloseable> resources();

    /** Metrics, readiness, the outbox's and the index's progress (issue 13). */
    Observability observability();

    /** The agent workspace (mounted and started only when enabled) and the agents it signs in. */
    io.opencases.web.Workspace workspace();

    io.opencases.application.agent.AgentService agentService();

    /** The implemented operations by name. */
    Map<String, OperationHandler> operations();

    /** Runs the merges StartMergeCases recorded; main runs it at start and in a background loop. */
    io.opencases.application.merge.MergeJobRunner mergeJobRunner();

    /** This instance's cached domain configurations (for tests and diagnostics). */
    io.opencases.application.casesdomain.DomainConfigurations domainConfigurations();
}
