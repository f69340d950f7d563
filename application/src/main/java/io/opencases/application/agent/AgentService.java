package io.opencases.application.agent;

import io.opencases.application.Caller;
import io.opencases.application.UseCaseContext;
import io.opencases.application.agent.AgentCommands.AddAgent;
import io.opencases.application.agent.AgentCommands.EnsureAdmin;
import io.opencases.application.agent.AgentCommands.ResetPassword;
import io.opencases.application.agent.AgentCommands.SaveView;
import io.opencases.application.agent.AgentCommands.SetAgentDisabled;
import io.opencases.application.agent.AgentCommands.SignIn;
import io.opencases.application.port.AgentRepository;
import io.opencases.application.port.PasswordHasher;
import io.opencases.domain.DomainException;
import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.AgentRole;
import io.opencases.domain.agent.SavedView;
import io.opencases.domain.cases.CaseUser;

import java.util.List;
import java.util.Optional;

/**
 * The workspace's agents: signing in, the first admin, and what admins do to other agents (add, disable, reset a
 * password); and each agent's saved views. An agent acts as their account with their own user ARN, so the audit
 * history names them.
 */
public final class AgentService {
    /** Checked against when the name is unknown, so a wrong name costs as much time as a wrong password. */
    private final String decoyHash;
    private final AgentRepository agents;
    private final PasswordHasher hasher;
    private final UseCaseContext context;

    public AgentService(AgentRepository agents, PasswordHasher hasher, UseCaseContext context) {
        this.agents = agents;
        this.hasher = hasher;
        this.context = context;
        this.decoyHash = hasher.hash("decoy-password-" + context.ids().newId());
    }

    /** The agent, when the name and password match an agent who is not disabled. */
    public Optional<Agent> signIn(SignIn command) {
        Optional<Agent> found = command.name() == null ? Optional.empty()
                : context.unitOfWork().read(() -> agents.find(command.name()));
        String password = command.password() == null ? "" : command.password();
        boolean matches = hasher.matches(password, found.map(Agent::passwordHash).orElse(decoyHash));
        return found.filter(a -> matches && !a.disabled());
    }

    /** The agent as they are now (disabled, reset or gone agents lose their sessions). */
    public Optional<Agent> find(String name) {
        return context.unitOfWork().read(() -> agents.find(name));
    }

    /** True when the admin was created, false when an agent with that name already exists. */
    public boolean ensureAdmin(EnsureAdmin command) {
        Agent.requireValidPassword(command.password());
        String hash = hasher.hash(command.password());
        return context.unitOfWork().write(() -> {
            if (agents.find(command.name()).isPresent()) {
                return false;
            }
            agents.save(newAgent(command.accountId(), command.name(), hash, AgentRole.admin));
            return true;
        });
    }

    public Agent addAgent(AddAgent command) {
        requireAdmin(command.admin());
        Agent.requireValidName(command.name());
        Agent.requireValidPassword(command.password());
        String hash = hasher.hash(command.password());
        return context.unitOfWork().write(() -> {
            if (agents.find(command.name()).isPresent()) {
                throw new DomainException.Conflict("An agent named '" + command.name() + "' already exists.");
            }
            Agent agent = newAgent(command.admin().accountId(), command.name(), hash,
                    command.role() == null ? AgentRole.agent : command.role());
            agents.save(agent);
            return agent;
        });
    }

    public void setDisabled(SetAgentDisabled command) {
        requireAdmin(command.admin());
        if (command.name().equals(command.admin().name()) && command.disabled()) {
            throw DomainException.invalid("name: admins cannot disable themselves.");
        }
        context.unitOfWork().write(() -> {
            agents.save(requireOwnAgent(command.admin(), command.name()).withDisabled(command.disabled()));
            return null;
        });
    }

    public void resetPassword(ResetPassword command) {
        requireAdmin(command.admin());
        Agent.requireValidPassword(command.newPassword());
        String hash = hasher.hash(command.newPassword());
        context.unitOfWork().write(() -> {
            agents.save(requireOwnAgent(command.admin(), command.name()).withPasswordHash(hash));
            return null;
        });
    }

    public List<Agent> listAgents(Agent admin) {
        requireAdmin(admin);
        return context.unitOfWork().read(() -> agents.list(admin.accountId()));
    }

    public SavedView saveView(SaveView command) {
        String viewId = command.viewId() == null ? context.ids().newId() : command.viewId();
        var view = new SavedView(viewId, command.agent().name(), command.domainId(), command.name(),
                blankToNull(command.searchTerm()), blankToNull(command.filterFieldId()),
                blankToNull(command.filterValue()), blankToNull(command.sortFieldId()), command.sortAscending(),
                command.columns());
        context.unitOfWork().write(() -> {
            agents.saveView(view);
            return null;
        });
        return view;
    }

    public List<SavedView> views(Agent agent, String domainId) {
        return context.unitOfWork().read(() -> agents.views(agent.name(), domainId));
    }

    public Optional<SavedView> findView(Agent agent, String viewId) {
        return context.unitOfWork().read(() -> agents.findView(agent.name(), viewId));
    }

    public void deleteView(Agent agent, String viewId) {
        context.unitOfWork().write(() -> {
            agents.deleteView(agent.name(), viewId);
            return null;
        });
    }

    /** Who the agent is to the case use cases: their account, with their user ARN as the principal. */
    public static Caller callerOf(Agent agent) {
        return new Caller(agent.accountId(), agent.userArn());
    }

    /** The performedBy every write of the agent carries. */
    public static CaseUser performedBy(Agent agent) {
        return new CaseUser.UserArn(agent.userArn());
    }

    private Agent newAgent(String accountId, String name, String hash, AgentRole role) {
        // Shaped like an Amazon Connect agent ARN, so it fits the User fields (assigned_user) that hold user ARNs.
        String userArn = "arn:aws:connect:" + context.arns().region() + ":" + accountId
                + ":instance/opencases/agent/" + name;
        return new Agent(accountId, name, hash, role, userArn, false, context.clock().now());
    }

    private Agent requireOwnAgent(Agent admin, String name) {
        return agents.find(name).filter(a -> a.accountId().equals(admin.accountId()))
                .orElseThrow(() -> new DomainException.NotFound("Agent", name));
    }

    private static void requireAdmin(Agent agent) {
        if (agent == null || !agent.isAdmin()) {
            throw DomainException.invalid("Only admins manage agents.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
