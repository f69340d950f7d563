package io.opencases.domain.layout;

import io.opencases.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The basic layout's own rules: no Title or Status, every field at most once, absent panels allowed. */
class LayoutContentTest {

    private static LayoutPanel panel(String... fieldIds) {
        return new LayoutPanel(List.of(new FieldGroup("Section", List.of(fieldIds))));
    }

    @Test
    void rejectsTheTitleField() {
        assertThatThrownBy(() -> new LayoutContent(panel("summary", "title"), null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("title");
    }

    @Test
    void rejectsTheStatusFieldInTheMoreInfoPanel() {
        assertThatThrownBy(() -> new LayoutContent(null, panel("status")))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("status");
    }

    @Test
    void rejectsAFieldListedTwiceInOneGroup() {
        assertThatThrownBy(() -> new LayoutContent(panel("summary", "summary"), null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("summary");
    }

    @Test
    void rejectsAFieldPlacedInBothPanels() {
        assertThatThrownBy(() -> new LayoutContent(panel("summary", "case_reason"), panel("assigned_user",
                "case_reason")))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("case_reason");
    }

    @Test
    void listsTheFieldIdsInPanelAndGroupOrder() {
        var top = new LayoutPanel(List.of(new FieldGroup("A", List.of("summary", "customer_id")),
                new FieldGroup(null, List.of("case_reason"))));
        var content = new LayoutContent(top, panel("assigned_user"));

        assertThat(content.fieldIds()).containsExactly("summary", "customer_id", "case_reason", "assigned_user");
    }

    @Test
    void bothPanelsMayBeAbsent() {
        var content = new LayoutContent(null, null);

        assertThat(content.fieldIds()).isEmpty();
        assertThat(content.retainFields(id -> false)).isEqualTo(content);
    }

    @Test
    void retainFieldsDropsRejectedIdsButKeepsTheGroups() {
        var content = new LayoutContent(panel("summary", "gone", "customer_id"), panel("gone-too"));

        var shown = content.retainFields(id -> !id.startsWith("gone"));

        assertThat(shown.fieldIds()).containsExactly("summary", "customer_id");
        assertThat(shown.moreInfo().sections()).singleElement()
                .satisfies(g -> assertThat(g.fieldIds()).isEmpty());
        assertThat(shown.topPanel().sections().get(0).name()).isEqualTo("Section");
    }
}
