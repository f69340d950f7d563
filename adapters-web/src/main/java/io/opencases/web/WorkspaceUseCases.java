package io.opencases.web;

import io.opencases.application.agent.AgentService;
import io.opencases.application.batch.BatchCaseService;
import io.opencases.application.cases.CaseChangeWatch;
import io.opencases.application.cases.CaseService;
import io.opencases.application.casesdomain.DomainService;
import io.opencases.application.field.FieldService;
import io.opencases.application.layout.LayoutService;
import io.opencases.application.relateditem.RelatedItemService;
import io.opencases.application.rule.CaseRuleEvaluation;
import io.opencases.application.search.SearchService;
import io.opencases.application.template.TemplateService;

/** The application's use cases the workspace calls in-process, as the REST adapter calls them over the wire. */
public record WorkspaceUseCases(AgentService agents, DomainService domains, FieldService fields,
                                LayoutService layouts, TemplateService templates, CaseService cases,
                                RelatedItemService relatedItems, BatchCaseService batches, SearchService search,
                                CaseRuleEvaluation rules, CaseChangeWatch changes) {
}
