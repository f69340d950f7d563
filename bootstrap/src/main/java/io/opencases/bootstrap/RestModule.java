package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.opencases.application.Caller;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.cases.CaseService;
import io.opencases.application.merge.MergeService;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.field.FieldService;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.application.layout.LayoutService;
import io.opencases.application.rule.CaseRuleService;
import io.opencases.application.search.SearchService;
import io.opencases.application.tag.TagService;
import io.opencases.application.template.TemplateService;
import io.opencases.rest.CasesHttpHandler;
import io.opencases.rest.OperationHandler;
import io.opencases.rest.RequestAuthenticator;
import io.opencases.rest.RestServer;
import io.opencases.rest.auth.SigV4Verifier;
import io.opencases.rest.auth.StaticCredentialStore;
import io.opencases.rest.operations.BatchOperations;
import io.opencases.rest.operations.CaseOperations;
import io.opencases.rest.operations.CaseRuleOperations;
import io.opencases.rest.operations.DomainOperations;
import io.opencases.rest.operations.FieldOperations;
import io.opencases.rest.operations.LayoutOperations;
import io.opencases.rest.operations.MergeOperations;
import io.opencases.rest.operations.RelatedItemOperations;
import io.opencases.rest.operations.SearchOperations;
import io.opencases.rest.operations.TagOperations;
import io.opencases.rest.operations.TemplateOperations;
import io.opencases.rest.wire.RequestBinder;
import io.opencases.rest.wire.Router;
import io.opencases.rest.wire.ServiceModel;
import io.opencases.rest.wire.ShapeValidator;

import javax.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** The REST adapter: the service model, the operation table, authentication and the Undertow listener. */
@Module
final class RestModule {
    /**
     * Model operations that are routed but not implemented yet: they answer 501. OperationCoverageTest keeps this
     * list and the handler table covering the whole model.
     */
    static final java.util.Set<String> PENDING_OPERATIONS = java.util.Set.of();

    private RestModule() {
    }

    @Provides
    @Singleton
    static ServiceModel serviceModel() {
        return ServiceModel.load();
    }

    @Provides
    @Singleton
    static Map<String, OperationHandler> operations(DomainService domains, FieldService fields,
                                                    LayoutService layouts, TemplateService templates,
                                                    CaseRuleService caseRules, TagService tags,
                                                    CaseService cases, RelatedItemService relatedItems,
                                                    SearchService search, BatchCaseService batches,
                                                    MergeService merges) {
        var handlers = new HashMap<String, OperationHandler>();
        handlers.putAll(new DomainOperations(domains).handlers());
        handlers.putAll(new FieldOperations(fields).handlers());
        handlers.putAll(new LayoutOperations(layouts).handlers());
        handlers.putAll(new TemplateOperations(templates).handlers());
        handlers.putAll(new CaseRuleOperations(caseRules).handlers());
        handlers.putAll(new TagOperations(tags).handlers());
        handlers.putAll(new CaseOperations(cases).handlers());
        handlers.putAll(new RelatedItemOperations(relatedItems).handlers());
        handlers.putAll(new SearchOperations(search).handlers());
        handlers.putAll(new BatchOperations(batches).handlers());
        handlers.putAll(new MergeOperations(merges).handlers());
        return Map.copyOf(handlers);
    }

    @Provides
    @Singleton
    static RequestAuthenticator authenticator(ServerConfig config) {
        if (!config.authEnabled()) {
            Caller anonymous = Caller.ofAccount(config.accountId());
            return request -> anonymous;
        }
        var verifier = new SigV4Verifier(new StaticCredentialStore(config.credentials()), config.region(), "cases",
                java.time.Clock.systemUTC());
        return request -> {
            var credentials = verifier.verify(request);
            return Caller.ofAccount(credentials.accountId());
        };
    }

    @Provides
    @Singleton
    static RestServer server(ServerConfig config, ServiceModel model, Map<String, OperationHandler> operations,
                             RequestAuthenticator authenticator, OperabilityModule.Edges edges,
                             java.util.Set<RestServer.Mount> mounts) {
        var handler = new CasesHttpHandler(new Router(model), new RequestBinder(model), new ShapeValidator(model),
                operations, authenticator, edges.availability(), edges.throttle());
        return new RestServer(config.host(), config.port(), handler, RestServer.DEFAULT_WORKER_THREADS,
                edges.observer(), edges.routes(), mounts);
    }
}
