package io.opencases.memory.service;

import io.opencases.application.Arns;
import io.opencases.application.Quotas;
import io.opencases.application.UseCaseContext;
import io.opencases.application.agent.AgentCommands;
import io.opencases.application.agent.AgentService;
import io.opencases.application.port.PasswordHasher;
import io.opencases.domain.DomainException;
import io.opencases.domain.agent.Agent;
import io.opencases.domain.agent.AgentRole;
import io.opencases.memory.MemoryAgentRepository;
import io.opencases.memory.MemoryUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentServiceTest {
    /** Reversible on purpose: these tests are about the service, the bcrypt adapter has its own test. */
    private static final PasswordHasher HASHER = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "h:" + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash.equals("h:" + password);
        }
    };
    private final AtomicInteger ids = new AtomicInteger();
    private final AgentService agents = new AgentService(new MemoryAgentRepository(), HASHER,
            new UseCaseContext(new MemoryUnitOfWork(), () -> Instant.parse("2026-01-01T00:00:00Z"),
                    () -> "id-" + ids.incrementAndGet(), new Arns("aws", "eu-west-1"), Quotas.AWS_DEFAULTS,
                    null)); // agents are no domain's configuration: none is cached

    private Agent admin() {
        agents.ensureAdmin(new AgentCommands.EnsureAdmin("111111111111", "admin", "first-password"));
        return agents.find("admin").orElseThrow();
    }

    @Test
    void theFirstAdminIsCreatedOnceWithAUserArnOfTheAccount() {
        assertThat(agents.ensureAdmin(new AgentCommands.EnsureAdmin("111111111111", "admin", "first-password")))
                .isTrue();
        assertThat(agents.ensureAdmin(new AgentCommands.EnsureAdmin("111111111111", "admin", "other-password")))
                .isFalse();

        Agent admin = agents.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(AgentRole.admin);
        assertThat(admin.userArn()).isEqualTo("arn:aws:connect:eu-west-1:111111111111:instance/opencases/agent/admin");
        assertThat(admin.passwordHash()).isNotEqualTo("first-password");
        assertThat(AgentService.callerOf(admin).principalArn()).isEqualTo(admin.userArn());
        assertThat(agents.signIn(new AgentCommands.SignIn("admin", "first-password"))).contains(admin);
    }

    @Test
    void signInRefusesAWrongPasswordAnUnknownNameAndADisabledAgent() {
        Agent admin = admin();
        agents.addAgent(new AgentCommands.AddAgent(admin, "sam", "sam-password", AgentRole.agent));

        assertThat(agents.signIn(new AgentCommands.SignIn("sam", "sam-password"))).isPresent();
        assertThat(agents.signIn(new AgentCommands.SignIn("sam", "wrong-password"))).isEmpty();
        assertThat(agents.signIn(new AgentCommands.SignIn("nobody", "sam-password"))).isEmpty();
        assertThat(agents.signIn(new AgentCommands.SignIn(null, null))).isEmpty();

        agents.setDisabled(new AgentCommands.SetAgentDisabled(admin, "sam", true));
        assertThat(agents.signIn(new AgentCommands.SignIn("sam", "sam-password"))).isEmpty();
        agents.setDisabled(new AgentCommands.SetAgentDisabled(admin, "sam", false));
        assertThat(agents.signIn(new AgentCommands.SignIn("sam", "sam-password"))).isPresent();
    }

    @Test
    void resetReplacesThePassword() {
        Agent admin = admin();
        agents.addAgent(new AgentCommands.AddAgent(admin, "sam", "sam-password", AgentRole.agent));
        agents.resetPassword(new AgentCommands.ResetPassword(admin, "sam", "new-password"));

        assertThat(agents.signIn(new AgentCommands.SignIn("sam", "sam-password"))).isEmpty();
        assertThat(agents.signIn(new AgentCommands.SignIn("sam", "new-password"))).isPresent();
    }

    @Test
    void onlyAdminsManageAgentsAndNamesAndPasswordsAreChecked() {
        Agent admin = admin();
        Agent sam = agents.addAgent(new AgentCommands.AddAgent(admin, "sam", "sam-password", AgentRole.agent));

        assertThatThrownBy(() -> agents.addAgent(new AgentCommands.AddAgent(sam, "x", "long-enough", null)))
                .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> agents.addAgent(new AgentCommands.AddAgent(admin, "sam", "long-enough", null)))
                .isInstanceOf(DomainException.Conflict.class);
        assertThatThrownBy(() -> agents.addAgent(new AgentCommands.AddAgent(admin, "bad name", "long-enough", null)))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> agents.addAgent(new AgentCommands.AddAgent(admin, "tim", "short", null)))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> agents.setDisabled(new AgentCommands.SetAgentDisabled(admin, "admin", true)))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(agents.listAgents(admin)).extracting(Agent::name).containsExactly("admin", "sam");
    }

    @Test
    void savedViewsBelongToTheirAgent() {
        Agent admin = admin();
        Agent sam = agents.addAgent(new AgentCommands.AddAgent(admin, "sam", "sam-password", AgentRole.agent));
        var view = agents.saveView(new AgentCommands.SaveView(sam, "d1", null, "Refunds", " refund ", "status",
                "open", "created_datetime", false, List.of("title")));

        assertThat(view.searchTerm()).isEqualTo("refund");
        assertThat(agents.views(sam, "d1")).containsExactly(view);
        assertThat(agents.views(admin, "d1")).isEmpty();
        assertThat(agents.findView(admin, view.viewId())).isEmpty();
        agents.deleteView(sam, view.viewId());
        assertThat(agents.views(sam, "d1")).isEmpty();
    }
}
