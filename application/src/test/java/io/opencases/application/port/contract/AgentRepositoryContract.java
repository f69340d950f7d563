package io.opencases.application.port.contract;

import io.opencases.application.port.AgentRepository;
import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.AgentRole;
import io.opencases.domain.agent.SavedView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every AgentRepository does: agents by unique name, listed per account, and each agent's saved views. */
public interface AgentRepositoryContract {
    Instant CREATED = Instant.parse("2026-11-26T10:15:30.123Z");

    AgentRepository repository();

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newAccountId() {
        return String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    }

    private static Agent agent(String accountId, String name, AgentRole role) {
        return new Agent(accountId, name, "$2a$10$hash-of-" + name, role,
                "arn:aws:connect:us-east-1:" + accountId + ":instance/opencases/agent/" + name, false, CREATED);
    }

    @Test
    default void savedAgentIsFoundByNameWithEveryMember() {
        var agent = agent(newAccountId(), unique("ann"), AgentRole.admin);
        repository().save(agent);

        assertThat(repository().find(agent.name())).contains(agent);
    }

    @Test
    default void unknownNameIsNotFound() {
        assertThat(repository().find(unique("nobody"))).isEmpty();
    }

    @Test
    default void saveReplacesTheAgentWithTheSameName() {
        var agent = agent(newAccountId(), unique("bob"), AgentRole.agent);
        repository().save(agent);
        var changed = agent.withDisabled(true).withPasswordHash("$2a$10$new");
        repository().save(changed);

        assertThat(repository().find(agent.name())).contains(changed);
        assertThat(repository().list(agent.accountId())).containsExactly(changed);
    }

    @Test
    default void listHoldsOnlyTheAccountsAgentsInNameOrder() {
        String account = newAccountId();
        String suffix = unique("");
        var zed = agent(account, "zed" + suffix, AgentRole.agent);
        var amy = agent(account, "amy" + suffix, AgentRole.admin);
        var other = agent(newAccountId(), "mia" + suffix, AgentRole.agent);
        List.of(zed, amy, other).forEach(repository()::save);

        assertThat(repository().list(account)).containsExactly(amy, zed);
        assertThat(repository().list(newAccountId())).isEmpty();
    }

    @Test
    default void savedViewsArePerAgentAndDomainInNameOrder() {
        String agentName = unique("cat");
        String domainId = UUID.randomUUID().toString();
        var urgent = new SavedView(unique("v"), agentName, domainId, "Urgent", "refund", "status", "open",
                "created_datetime", false, List.of("title", "status"));
        var billing = new SavedView(unique("v"), agentName, domainId, "Billing", null, null, null, null, true,
                List.of());
        var elsewhere = new SavedView(unique("v"), agentName, UUID.randomUUID().toString(), "Other", null, null,
                null, null, true, List.of());
        var someoneElses = new SavedView(unique("v"), unique("dan"), domainId, "Theirs", null, null, null, null,
                true, List.of());
        List.of(urgent, billing, elsewhere, someoneElses).forEach(repository()::saveView);

        assertThat(repository().views(agentName, domainId)).containsExactly(billing, urgent);
        assertThat(repository().findView(agentName, urgent.viewId())).contains(urgent);
        assertThat(repository().findView(agentName, someoneElses.viewId())).isEmpty();
    }

    @Test
    default void saveViewReplacesAndDeleteViewRemoves() {
        String agentName = unique("eve");
        String domainId = UUID.randomUUID().toString();
        var view = new SavedView(unique("v"), agentName, domainId, "Mine", null, null, null, null, true, List.of());
        repository().saveView(view);
        var renamed = new SavedView(view.viewId(), agentName, domainId, "Renamed", "x", "status", "closed",
                "title", true, List.of("title"));
        repository().saveView(renamed);

        assertThat(repository().views(agentName, domainId)).containsExactly(renamed);

        repository().deleteView(agentName, view.viewId());
        assertThat(repository().views(agentName, domainId)).isEmpty();
        assertThat(repository().findView(agentName, view.viewId())).isEmpty();
    }
}
