package io.opencases.domain.agent;

/** What an agent may do in the workspace: work cases (agent), or also manage the other agents (admin). */
public enum AgentRole {
    agent, admin
}
