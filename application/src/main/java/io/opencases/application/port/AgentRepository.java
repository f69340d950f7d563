package io.opencases.application.port;

import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.SavedView;

import java.util.List;
import java.util.Optional;

/** The workspace's agents (names are unique on the server) and the case views each of them saved. */
public interface AgentRepository {

    Optional<Agent> find(String name);

    /** The account's agents in name order. */
    List<Agent> list(String accountId);

    /** Inserts the agent or replaces the one with its name. */
    void save(Agent agent);

    /** The agent's saved views of the domain, in name order. */
    List<SavedView> views(String agentName, String domainId);

    Optional<SavedView> findView(String agentName, String viewId);

    /** Inserts the view or replaces the agent's view with its id. */
    void saveView(SavedView view);

    void deleteView(String agentName, String viewId);
}
