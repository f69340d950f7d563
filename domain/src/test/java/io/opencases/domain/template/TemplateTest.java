package io.opencases.domain.template;

import io.opencases.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template invariants and UpdateTemplate's rules: nothing to change, deleted templates, kept members. */
class TemplateTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2025-02-01T00:00:00Z");

    private static Template template(List<String> requiredFieldIds, List<TemplateRule> rules) {
        return new Template("d1", "t1", "Billing", "Billing cases", "l1", requiredFieldIds, TemplateStatus.Active,
                rules, List.of(new TagPropagation("Cases", Map.of("team", "billing"))), false, CREATED, CREATED);
    }

    private static Template template() {
        return template(List.of("summary"), List.of(new TemplateRule("r1", "summary")));
    }

    private static Template.Changes nameOnly(String name) {
        return new Template.Changes(name, null, null, null, null, null, null);
    }

    @Test
    void rejectsARequiredFieldListedTwice() {
        assertThatThrownBy(() -> template(List.of("summary", "customer_id", "summary"), List.of()))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("summary");
    }

    @Test
    void rejectsTheSameRuleTwiceForTheSameField() {
        assertThatThrownBy(() -> template(List.of(), List.of(new TemplateRule("r1", "summary"),
                new TemplateRule("r1", "summary"))))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("r1");
    }

    @Test
    void allowsTheSameRuleForDifferentFields() {
        var t = template(List.of(), List.of(new TemplateRule("r1", "summary"), new TemplateRule("r1", "title")));

        assertThat(t.rules()).hasSize(2);
    }

    @Test
    void absentListsBecomeEmpty() {
        var t = new Template("d1", "t1", "Bare", null, null, null, TemplateStatus.Inactive, null, null, false,
                CREATED, CREATED);

        assertThat(t.requiredFieldIds()).isEmpty();
        assertThat(t.rules()).isEmpty();
        assertThat(t.tagPropagations()).isEmpty();
    }

    @Test
    void updateWithNothingToChangeIsInvalid() {
        var empty = new Template.Changes(null, null, null, null, null, null, null);

        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(() -> template().update(empty, LATER))
                .isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void deletedTemplateCannotBeUpdated() {
        var deleted = template().delete(LATER);

        assertThat(deleted.deleted()).isTrue();
        assertThatThrownBy(() -> deleted.update(nameOnly("Renamed"), LATER))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("t1");
    }

    @Test
    void nullChangeMembersKeepTheCurrentValues() {
        var original = template();

        var updated = original.update(nameOnly("Renamed"), LATER);

        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated).usingRecursiveComparison().ignoringFields("name", "lastModifiedTime")
                .isEqualTo(original);
        assertThat(updated.createdTime()).isEqualTo(CREATED);
        assertThat(updated.lastModifiedTime()).isEqualTo(LATER);
    }

    @Test
    void givenChangeMembersReplaceTheCurrentValues() {
        var changes = new Template.Changes(null, "", "l2", List.of(), TemplateStatus.Inactive, List.of(), null);

        var updated = template().update(changes, LATER);

        assertThat(updated.description()).isEmpty();
        assertThat(updated.defaultLayoutId()).isEqualTo("l2");
        assertThat(updated.requiredFieldIds()).isEmpty();
        assertThat(updated.status()).isEqualTo(TemplateStatus.Inactive);
        assertThat(updated.rules()).isEmpty();
        assertThat(updated.tagPropagations()).isEqualTo(template().tagPropagations());
    }

    @Test
    void updateStillEnforcesTheInvariants() {
        var changes = new Template.Changes(null, null, null, List.of("summary", "summary"), null, null, null);

        assertThatThrownBy(() -> template().update(changes, LATER)).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void onlyActiveLiveTemplatesCreateCases() {
        var active = template();
        var inactive = active.update(new Template.Changes(null, null, null, null, TemplateStatus.Inactive, null,
                null), LATER);

        assertThat(active.canCreateCases()).isTrue();
        assertThat(inactive.canCreateCases()).isFalse();
        assertThat(active.delete(LATER).canCreateCases()).isFalse();
    }
}
