package io.opencases.bootstrap.conformance;

import io.opencases.application.Quotas;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.FieldGroup;
import software.amazon.awssdk.services.connectcases.model.FieldItem;
import software.amazon.awssdk.services.connectcases.model.LayoutContent;
import software.amazon.awssdk.services.connectcases.model.LayoutSummary;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.Section;
import software.amazon.awssdk.services.connectcases.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateLayout, GetLayout, UpdateLayout, DeleteLayout, ListLayouts. */
class LayoutOperationsConformanceTest extends ConformanceSuite {

    private static LayoutContent content(List<String> top, List<String> more) {
        return LayoutContent.builder().basic(b -> b
                .topPanel(p -> p.sections(section("Main", top)))
                .moreInfo(p -> p.sections(section(null, more)))).build();
    }

    private static Section section(String name, List<String> fieldIds) {
        return Section.builder().fieldGroup(FieldGroup.builder().name(name)
                .fields(fieldIds.stream().map(id -> FieldItem.builder().id(id).build()).toList()).build()).build();
    }

    private static List<String> ids(Section section) {
        return section.fieldGroup().fields().stream().map(FieldItem::id).toList();
    }

    @Test
    void createGetUpdateRoundTrip() {
        String domainId = newDomain();
        String priority = textField(domainId, "priority");
        var created = cases.createLayout(b -> b.domainId(domainId).name("Default")
                .content(content(List.of(priority, "summary"), List.of("customer_id"))));
        assertThat(created.layoutArn()).isEqualTo(domainArn(domainId) + "/layout/" + created.layoutId());

        var got = cases.getLayout(b -> b.domainId(domainId).layoutId(created.layoutId()));
        assertThat(got.name()).isEqualTo("Default");
        assertThat(got.content().basic().topPanel().sections().get(0).fieldGroup().name()).isEqualTo("Main");
        assertThat(ids(got.content().basic().topPanel().sections().get(0))).containsExactly(priority, "summary");
        assertThat(ids(got.content().basic().moreInfo().sections().get(0))).containsExactly("customer_id");
        assertThat(got.deleted()).isFalse();

        cases.updateLayout(b -> b.domainId(domainId).layoutId(created.layoutId()).name("Renamed"));
        var renamed = cases.getLayout(b -> b.domainId(domainId).layoutId(created.layoutId()));
        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(ids(renamed.content().basic().topPanel().sections().get(0))).containsExactly(priority, "summary");
        assertThat(renamed.lastModifiedTime()).isAfterOrEqualTo(renamed.createdTime());
    }

    @Test
    void titleStatusAndUnknownOrDeletedFieldsAreRejected() {
        String domainId = newDomain();
        String old = textField(domainId, "old");
        cases.deleteField(b -> b.domainId(domainId).fieldId(old));

        for (String bad : List.of("title", "status", "no-such-field", old)) {
            assertThatThrownBy(() -> cases.createLayout(b -> b.domainId(domainId).name("bad")
                    .content(content(List.of(bad), List.of()))))
                    .as(bad).isInstanceOf(ValidationException.class).hasMessageContaining(bad);
        }
        assertThat(cases.listLayouts(b -> b.domainId(domainId)).layouts()).isEmpty();
    }

    @Test
    void getLayoutDropsFieldsDeletedLater() {
        String domainId = newDomain();
        String keep = textField(domainId, "keep");
        String drop = textField(domainId, "drop");
        String layoutId = cases.createLayout(b -> b.domainId(domainId).name("l")
                .content(content(List.of(keep, drop), List.of()))).layoutId();

        cases.deleteField(b -> b.domainId(domainId).fieldId(drop));

        var got = cases.getLayout(b -> b.domainId(domainId).layoutId(layoutId));
        assertThat(ids(got.content().basic().topPanel().sections().get(0))).containsExactly(keep);
    }

    @Test
    void deletedLayoutIsReadableButNotUpdatableNorListed() {
        String domainId = newDomain();
        String layoutId = cases.createLayout(b -> b.domainId(domainId).name("l")
                .content(content(List.of("summary"), List.of()))).layoutId();

        cases.deleteLayout(b -> b.domainId(domainId).layoutId(layoutId));

        assertThat(cases.getLayout(b -> b.domainId(domainId).layoutId(layoutId)).deleted()).isTrue();
        assertThat(cases.listLayouts(b -> b.domainId(domainId)).layouts()).isEmpty();
        assertThatThrownBy(() -> cases.updateLayout(b -> b.domainId(domainId).layoutId(layoutId).name("again")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cases.getLayout(b -> b.domainId(domainId).layoutId("nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo("Layout"));
    }

    @Test
    void namesAreUniqueAmongLiveLayouts() {
        String domainId = newDomain();
        cases.createLayout(b -> b.domainId(domainId).name("same").content(content(List.of(), List.of())));
        assertThatThrownBy(() -> cases.createLayout(b -> b.domainId(domainId).name("same")
                .content(content(List.of(), List.of()))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void listLayoutsPaginates() {
        String domainId = newDomain();
        for (int i = 0; i < 5; i++) {
            String name = "l" + i;
            cases.createLayout(b -> b.domainId(domainId).name(name).content(content(List.of(), List.of())));
        }
        var names = new ArrayList<String>();
        String token = null;
        do {
            String next = token;
            var page = cases.listLayouts(b -> b.domainId(domainId).maxResults(2).nextToken(next));
            page.layouts().stream().map(LayoutSummary::name).forEach(names::add);
            token = page.nextToken();
        } while (token != null);
        assertThat(names).containsExactlyInAnyOrder("l0", "l1", "l2", "l3", "l4");
    }

    @Test
    void layoutAndFieldsPerLayoutQuotas() {
        try (var own = TestServer.start(new Quotas(10, 500, 500, 1, 100, 100, 2)); var client = own.client()) {
            String domainId = client.createDomain(b -> b.name("quota")).domainId();
            String[] three = {"summary", "customer_id", "case_reason"};
            assertThatThrownBy(() -> client.createLayout(b -> b.domainId(domainId).name("wide")
                    .content(content(Arrays.asList(three), List.of()))))
                    .isInstanceOf(ServiceQuotaExceededException.class);
            client.createLayout(b -> b.domainId(domainId).name("one").content(content(List.of(), List.of())));
            assertThatThrownBy(() -> client.createLayout(b -> b.domainId(domainId).name("two")
                    .content(content(List.of(), List.of()))))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(402));
        }
    }
}
