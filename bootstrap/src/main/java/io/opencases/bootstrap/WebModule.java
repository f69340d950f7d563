package io.opencases.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import io.opencases.application.UseCaseContext;
import io.opencases.application.agent.AgentService;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.cases.CaseChangeWatch;
import io.opencases.application.cases.CaseService;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.field.FieldService;
import io.opencases.application.layout.LayoutService;
import io.opencases.application.port.AgentRepository;
import io.opencases.application.port.CaseChangeFeed;
import io.opencases.application.port.CaseRuleRepository;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.PasswordHasher;
import io.opencases.application.port.TemplateRepository;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.application.rule.CaseRuleEvaluation;
import io.opencases.application.search.SearchService;
import io.opencases.application.template.TemplateService;
import io.opencases.rest.RestServer;
import io.opencases.web.BcryptPasswordHasher;
import io.opencases.web.Workspace;
import io.opencases.web.WorkspaceUseCases;

import javax.inject.Singleton;
import java.util.Set;

/** The agent workspace (adapters-web): its use cases, and its mount on the REST adapter's listener when enabled. */
@Module
final class WebModule {
    /** bcrypt's cost: 2^10 rounds, some tens of milliseconds per sign-in on current hardware. */
    static final int BCRYPT_COST = 10;

    private WebModule() {
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher() {
        return new BcryptPasswordHasher(BCRYPT_COST);
    }

    @Provides
    @Singleton
    static AgentService agentService(AgentRepository agents, PasswordHasher hasher, UseCaseContext context) {
        return new AgentService(agents, hasher, context);
    }

    @Provides
    @Singleton
    static CaseRuleEvaluation caseRuleEvaluation(DomainRepository domains, FieldRepository fields,
                                                 TemplateRepository templates, CaseRuleRepository caseRules,
                                                 UseCaseContext context) {
        return new CaseRuleEvaluation(domains, fields, templates, caseRules, context.unitOfWork());
    }

    @Provides
    @Singleton
    static Workspace workspace(AgentService agents, DomainService domains, FieldService fields,
                               LayoutService layouts, TemplateService templates, CaseService cases,
                               RelatedItemService relatedItems, BatchCaseService batches, SearchService search,
                               CaseRuleEvaluation rules, CaseChangeFeed feed, UseCaseContext context) {
        var changes = new CaseChangeWatch(feed, context.unitOfWork(), context.clock());
        return new Workspace(new WorkspaceUseCases(agents, domains, fields, layouts, templates, cases, relatedItems,
                batches, search, rules, changes), java.time.Clock.systemUTC());
    }

    @Provides
    @ElementsIntoSet
    static Set<RestServer.Mount> workspaceMount(ServerConfig config, dagger.Lazy<Workspace> workspace) {
        // Switched off, the workspace is never even built.
        return config.workspace().enabled() ? Set.of(new RestServer.Mount(Workspace.PREFIX, workspace.get()))
                : Set.of();
    }
}
