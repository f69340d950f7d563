package io.opencases.memory;

import io.opencases.application.port.AgentRepository;
import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.SavedView;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class MemoryAgentRepository implements AgentRepository {
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();
    /** Agent name + "/" + view id to the view. */
    private final Map<String, SavedView> views = new ConcurrentHashMap<>();

    @Override
    public Optional<Agent> find(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    @Override
    public List<Agent> list(String accountId) {
        return agents.values().stream().filter(a -> a.accountId().equals(accountId))
                .sorted(Comparator.comparing(Agent::name)).toList();
    }

    @Override
    public void save(Agent agent) {
        agents.put(agent.name(), agent);
    }

    @Override
    public List<SavedView> views(String agentName, String domainId) {
        return views.values().stream()
                .filter(v -> v.agentName().equals(agentName) && v.domainId().equals(domainId))
                .sorted(Comparator.comparing(SavedView::name).thenComparing(SavedView::viewId)).toList();
    }

    @Override
    public Optional<SavedView> findView(String agentName, String viewId) {
        return Optional.ofNullable(views.get(agentName + "/" + viewId));
    }

    @Override
    public void saveView(SavedView view) {
        views.put(view.agentName() + "/" + view.viewId(), view);
    }

    @Override
    public void deleteView(String agentName, String viewId) {
        views.remove(agentName + "/" + viewId);
    }
}
