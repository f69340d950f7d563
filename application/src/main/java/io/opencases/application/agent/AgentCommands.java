package io.opencases.application.agent;

import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.AgentRole;

import java.util.List;

/** Inputs of the agent use cases; {@code admin} is the signed-in agent making the change. */
public final class AgentCommands {
    private AgentCommands() {
    }

    public record SignIn(String name, String password) {
    }

    /** Creates the account's first admin unless an agent with that name exists; {@code password} is its password. */
    public record EnsureAdmin(String accountId, String name, String password) {
    }

    public record AddAgent(Agent admin, String name, String password, AgentRole role) {
    }

    public record SetAgentDisabled(Agent admin, String name, boolean disabled) {
    }

    public record ResetPassword(Agent admin, String name, String newPassword) {
    }

    public record SaveView(Agent agent, String domainId, String viewId, String name, String searchTerm,
                           String filterFieldId, String filterValue, String sortFieldId, boolean sortAscending,
                           List<String> columns) {
    }
}
