package io.opencases.bootstrap.conformance;

import io.opencases.application.Quotas;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connectcases.model.ConflictException;
import software.amazon.awssdk.services.connectcases.model.FieldNamespace;
import software.amazon.awssdk.services.connectcases.model.FieldOption;
import software.amazon.awssdk.services.connectcases.model.FieldSummary;
import software.amazon.awssdk.services.connectcases.model.FieldType;
import software.amazon.awssdk.services.connectcases.model.GetFieldResponse;
import software.amazon.awssdk.services.connectcases.model.ListFieldsResponse;
import software.amazon.awssdk.services.connectcases.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connectcases.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connectcases.model.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CreateField, UpdateField, DeleteField, ListFields, BatchGetField, BatchPutFieldOptions, ListFieldOptions. */
class FieldOperationsConformanceTest extends ConformanceSuite {

    private static FieldOption option(String value, boolean active) {
        return FieldOption.builder().name(value.toUpperCase()).value(value).active(active).build();
    }

    @Test
    void createsFieldsOfEveryTypeAndReadsThemBack() {
        String domainId = newDomain();
        for (FieldType type : FieldType.knownValues()) {
            var created = cases.createField(b -> b.domainId(domainId).name("f-" + type).type(type)
                    .description("a " + type + " field"));
            assertThat(created.fieldArn()).isEqualTo(domainArn(domainId) + "/field/" + created.fieldId());
        }
        String notes = cases.createField(b -> b.domainId(domainId).name("notes").type(FieldType.TEXT)
                .description("free text")).fieldId();

        GetFieldResponse field = cases.batchGetField(b -> b.domainId(domainId).fields(f -> f.id(notes)))
                .fields().get(0);
        assertThat(field.name()).isEqualTo("notes");
        assertThat(field.namespace()).isEqualTo(FieldNamespace.CUSTOM);
        assertThat(field.description()).isEqualTo("free text");
        assertThat(field.deleted()).isFalse();
        assertThat(field.createdTime()).isEqualTo(field.lastModifiedTime());
        assertThat(cases.listFields(b -> b.domainId(domainId)).fields())
                .filteredOn(f -> f.namespace() == FieldNamespace.CUSTOM).hasSize(8);
    }

    @Test
    void updateFieldRenamesAndRefusesDuplicates() {
        String domainId = newDomain();
        String a = textField(domainId, "a");
        textField(domainId, "b");

        cases.updateField(b -> b.domainId(domainId).fieldId(a).name("a2").description("renamed"));
        cases.updateField(b -> b.domainId(domainId).fieldId(a).name("a2"));

        var field = cases.batchGetField(b -> b.domainId(domainId).fields(f -> f.id(a))).fields().get(0);
        assertThat(field.name()).isEqualTo("a2");
        assertThat(field.description()).isEqualTo("renamed");
        assertThatThrownBy(() -> cases.updateField(b -> b.domainId(domainId).fieldId(a).name("b")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cases.createField(b -> b.domainId(domainId).name("b").type(FieldType.TEXT)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cases.updateField(b -> b.domainId(domainId).fieldId("title").name("Headline")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("System");
    }

    @Test
    void deleteFieldIsSoft() {
        String domainId = newDomain();
        String fieldId = textField(domainId, "gone");

        cases.deleteField(b -> b.domainId(domainId).fieldId(fieldId));
        cases.deleteField(b -> b.domainId(domainId).fieldId(fieldId));

        var field = cases.batchGetField(b -> b.domainId(domainId).fields(f -> f.id(fieldId))).fields().get(0);
        assertThat(field.deleted()).isTrue();
        assertThat(cases.listFields(b -> b.domainId(domainId)).fields()).extracting(FieldSummary::fieldId)
                .doesNotContain(fieldId);
        assertThatThrownBy(() -> cases.updateField(b -> b.domainId(domainId).fieldId(fieldId).name("back")))
                .isInstanceOf(ValidationException.class);
        assertThat(textField(domainId, "gone")).isNotEqualTo(fieldId);
        assertThatThrownBy(() -> cases.deleteField(b -> b.domainId(domainId).fieldId("status")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void unknownFieldIsNotFound() {
        String domainId = newDomain();
        assertThatThrownBy(() -> cases.updateField(b -> b.domainId(domainId).fieldId("nope").name("x")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceId()).isEqualTo("nope");
                    assertThat(e.resourceType()).isEqualTo("Field");
                });
    }

    @Test
    void listFieldsPagesEveryFieldExactlyOnce() {
        String domainId = newDomain();
        for (int i = 0; i < 7; i++) {
            textField(domainId, "page-" + i);
        }
        var seen = new ArrayList<String>();
        String token = null;
        do {
            String next = token;
            ListFieldsResponse page = cases.listFields(b -> b.domainId(domainId).maxResults(4).nextToken(next));
            assertThat(page.fields()).hasSizeLessThanOrEqualTo(4);
            page.fields().forEach(f -> seen.add(f.fieldId()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).hasSize(16 + 7).doesNotHaveDuplicates(); // 15 documented System fields and reference_id
        assertThat(new HashSet<>(seen)).contains("title", "status");
        assertThatThrownBy(() -> cases.listFields(b -> b.domainId(domainId).maxResults(101)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("maxResults");
    }

    @Test
    void batchGetFieldReportsUnknownIdsAsErrors() {
        String domainId = newDomain();
        var response = cases.batchGetField(b -> b.domainId(domainId).fields(f -> f.id("title"), f -> f.id("nope")));

        assertThat(response.fields()).extracting(GetFieldResponse::fieldId).containsExactly("title");
        assertThat(response.fields().get(0).namespace()).isEqualTo(FieldNamespace.SYSTEM);
        assertThat(response.errors()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("nope");
            assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        });
        assertThatThrownBy(() -> cases.batchGetField(b -> b.domainId(domainId).fields(new ArrayList<>())))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void batchPutFieldOptionsUpsertsAndReportsPerOptionErrors() {
        String domainId = newDomain();
        String fieldId = selectField(domainId, "priority");

        var first = cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(fieldId)
                .options(option("high", true), option("low", true)));
        assertThat(first.errors()).isEmpty();
        var second = cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(fieldId)
                .options(option("low", false), option("mid", true), option("mid", true)));
        assertThat(second.errors()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("mid"));

        assertThat(cases.listFieldOptions(b -> b.domainId(domainId).fieldId(fieldId)).options())
                .extracting(o -> o.value() + ":" + o.active()).containsExactly("high:true", "low:false", "mid:true");
        var status = cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId("status")
                .options(option("open", false), option("pending", true)));
        assertThat(status.errors()).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("open"));
        assertThat(cases.listFieldOptions(b -> b.domainId(domainId).fieldId("status")).options())
                .extracting(FieldOption::value).containsExactly("open", "closed", "pending");
    }

    @Test
    void optionsOnlyForSingleSelectFields() {
        String domainId = newDomain();
        String text = textField(domainId, "plain");
        assertThatThrownBy(() -> cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(text)
                .options(option("x", true))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("SingleSelect");
    }

    @Test
    void listFieldOptionsPagesAndFiltersByValue() {
        String domainId = newDomain();
        String fieldId = selectField(domainId, "size");
        cases.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(fieldId)
                .options(option("s", true), option("m", true), option("l", true)));

        var page1 = cases.listFieldOptions(b -> b.domainId(domainId).fieldId(fieldId).maxResults(2));
        var page2 = cases.listFieldOptions(b -> b.domainId(domainId).fieldId(fieldId).maxResults(2)
                .nextToken(page1.nextToken()));
        assertThat(page1.options()).extracting(FieldOption::value).containsExactly("s", "m");
        assertThat(page2.options()).extracting(FieldOption::value).containsExactly("l");
        assertThat(page2.nextToken()).isNull();
        assertThat(cases.listFieldOptions(b -> b.domainId(domainId).fieldId(fieldId).values("m")).options())
                .extracting(FieldOption::name).containsExactly("M");
    }

    @Test
    void fieldAndOptionQuotasAnswer402() {
        try (var own = TestServer.start(new Quotas(10, 2, 2, 100, 100, 100, 100)); var client = own.client()) {
            String domainId = client.createDomain(b -> b.name("quota")).domainId();
            client.createField(b -> b.domainId(domainId).name("one").type(FieldType.TEXT));
            String select = client.createField(b -> b.domainId(domainId).name("two").type(FieldType.SINGLE_SELECT))
                    .fieldId();

            assertThatThrownBy(() -> client.createField(b -> b.domainId(domainId).name("three")
                    .type(FieldType.TEXT)))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(402));
            assertThatThrownBy(() -> client.batchPutFieldOptions(b -> b.domainId(domainId).fieldId(select)
                    .options(option("a", true), option("b", true), option("c", true))))
                    .isInstanceOf(ServiceQuotaExceededException.class);
            assertThat(client.listFieldOptions(b -> b.domainId(domainId).fieldId(select)).options()).isEmpty();
        }
    }
}
