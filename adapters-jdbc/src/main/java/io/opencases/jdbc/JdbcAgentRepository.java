package io.opencases.jdbc;

import io.opencases.application.port.AgentRepository;
import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.AgentRole;
import io.opencases.domain.agent.SavedView;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Agents and their saved views in two plain tables (V6); each port call is one statement. */
final class JdbcAgentRepository implements AgentRepository {
    private static final RowMapper<Agent> AGENT = (row, ctx) -> new Agent(row.getString("account_id"),
            row.getString("name"), row.getString("password_hash"), AgentRole.valueOf(row.getString("role")),
            row.getString("user_arn"), row.getBoolean("disabled"), Rows.instant(row, "created_time"));
    private static final RowMapper<SavedView> VIEW = (row, ctx) -> {
        Array columns = row.getArray("columns");
        return new SavedView(row.getString("view_id"), row.getString("agent_name"), row.getString("domain_id"),
                row.getString("name"), row.getString("search_term"), row.getString("filter_field_id"),
                row.getString("filter_value"), row.getString("sort_field_id"), row.getBoolean("sort_ascending"),
                Arrays.asList((String[]) columns.getArray()));
    };

    private final Jdbi jdbi;

    JdbcAgentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Agent> find(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM agents WHERE name = :name")
                .bind("name", name).map(AGENT).findOne());
    }

    @Override
    public List<Agent> list(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM agents WHERE account_id = :account ORDER BY name")
                .bind("account", accountId).map(AGENT).list());
    }

    @Override
    public void save(Agent agent) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO agents (name, account_id, password_hash, role, user_arn, "
                        + "disabled, created_time) VALUES (:name, :account, :hash, :role, :arn, :disabled, :created) "
                        + "ON CONFLICT (name) DO UPDATE SET account_id = excluded.account_id, "
                        + "password_hash = excluded.password_hash, role = excluded.role, user_arn = excluded.user_arn, "
                        + "disabled = excluded.disabled, created_time = excluded.created_time")
                .bind("name", agent.name())
                .bind("account", agent.accountId())
                .bind("hash", agent.passwordHash())
                .bind("role", agent.role().name())
                .bind("arn", agent.userArn())
                .bind("disabled", agent.disabled())
                .bind("created", agent.createdTime())
                .execute());
    }

    @Override
    public List<SavedView> views(String agentName, String domainId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM agent_views WHERE agent_name = :agent "
                        + "AND domain_id = :domain ORDER BY name, view_id")
                .bind("agent", agentName).bind("domain", domainId).map(VIEW).list());
    }

    @Override
    public Optional<SavedView> findView(String agentName, String viewId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM agent_views WHERE agent_name = :agent "
                        + "AND view_id = :view")
                .bind("agent", agentName).bind("view", viewId).map(VIEW).findOne());
    }

    @Override
    public void saveView(SavedView view) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO agent_views (agent_name, view_id, domain_id, name, "
                        + "search_term, filter_field_id, filter_value, sort_field_id, sort_ascending, columns) "
                        + "VALUES (:agent, :view, :domain, :name, :term, :filterField, :filterValue, :sortField, "
                        + ":ascending, CAST(:columns AS text[])) ON CONFLICT (agent_name, view_id) DO UPDATE SET "
                        + "domain_id = excluded.domain_id, name = excluded.name, search_term = excluded.search_term, "
                        + "filter_field_id = excluded.filter_field_id, filter_value = excluded.filter_value, "
                        + "sort_field_id = excluded.sort_field_id, sort_ascending = excluded.sort_ascending, "
                        + "columns = excluded.columns")
                .bind("agent", view.agentName())
                .bind("view", view.viewId())
                .bind("domain", view.domainId())
                .bind("name", view.name())
                .bind("term", view.searchTerm())
                .bind("filterField", view.filterFieldId())
                .bind("filterValue", view.filterValue())
                .bind("sortField", view.sortFieldId())
                .bind("ascending", view.sortAscending())
                .bindArray("columns", String.class, view.columns())
                .execute());
    }

    @Override
    public void deleteView(String agentName, String viewId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM agent_views WHERE agent_name = :agent AND view_id = :view")
                .bind("agent", agentName).bind("view", viewId).execute());
    }
}
