package io.opencases.web;

import io.opencases.application.agent.AgentCommands;
import io.opencases.domain.DomainException;
import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.AgentRole;
import io.opencases.web.view.Views.AdminPage;
import io.opencases.web.view.Views.AgentRow;
import io.opencases.web.view.Views.Shell;

/** The admin page: the account's agents, and adding, disabling, enabling and resetting them. */
final class AdminPages {
    private final WorkspaceUseCases useCases;
    private final Sessions sessions;

    AdminPages(WorkspaceUseCases useCases, Sessions sessions) {
        this.useCases = useCases;
        this.sessions = sessions;
    }

    AdminPage page(WebRequest r, Shell shell, String message, boolean error) {
        var rows = useCases.agents().listAgents(r.agent).stream()
                .map(a -> new AgentRow(a.name(), a.role().name(), a.userArn(), a.disabled(),
                        a.name().equals(r.agent.name())))
                .toList();
        return new AdminPage(shell, rows, message, error);
    }

    /** Runs the admin action the form names; returns what to tell the admin. */
    String act(WebRequest r, String action, String name) {
        Agent admin = r.agent;
        switch (action) {
            case "add" -> {
                String role = r.param("role");
                var added = useCases.agents().addAgent(new AgentCommands.AddAgent(admin, r.param("name"),
                        r.param("password"), "admin".equals(role) ? AgentRole.admin : AgentRole.agent));
                return "Added " + added.name() + ".";
            }
            case "disable", "enable" -> {
                boolean disable = action.equals("disable");
                useCases.agents().setDisabled(new AgentCommands.SetAgentDisabled(admin, name, disable));
                if (disable) {
                    sessions.endAllOf(name);
                }
                return (disable ? "Disabled " : "Enabled ") + name + ".";
            }
            case "reset" -> {
                useCases.agents().resetPassword(new AgentCommands.ResetPassword(admin, name, r.param("password")));
                sessions.endAllOf(name);
                return "New password set for " + name + ".";
            }
            default -> throw DomainException.invalid("Unknown action %s.", action);
        }
    }
}
