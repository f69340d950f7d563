package io.opencases.rest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Model constraints, checked systematically, each violation named by its member path. */
class ShapeValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ShapeValidator validator = new ShapeValidator(ServiceModel.load());

    private void valid(String shape, String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        assertThatCode(() -> validator.validate(shape, node)).doesNotThrowAnyException();
    }

    private void invalid(String shape, String json, String... fragments) throws Exception {
        JsonNode node = JSON.readTree(json);
        var assertion = assertThatThrownBy(() -> validator.validate(shape, node)).isInstanceOf(WireException.class)
                .hasMessageContaining("validation error");
        for (String fragment : fragments) {
            assertion.hasMessageContaining(fragment);
        }
    }

    @Test
    void requiredMembers() throws Exception {
        invalid("CreateDomainRequest", "{}", "Value null at 'name'", "must not be null");
        invalid("CreateFieldRequest", "{\"domainId\":\"d\"}", "2 validation errors", "'name'", "'type'");
    }

    @Test
    void lengthsAndWholeValuePatterns() throws Exception {
        invalid("CreateDomainRequest", "{\"name\":\"" + "x".repeat(101) + "\"}", "'name'",
                "less than or equal to 100");
        invalid("CreateDomainRequest", "{\"name\":\"abc \"}", "'name'", "regular expression pattern");
        valid("CreateDomainRequest", "{\"name\":\"support desk\"}");
        invalid("CreateTemplateRequest", "{\"domainId\":\"d\",\"name\":\"t\",\"tagPropagationConfigurations\":"
                + "[{\"resourceType\":\"Cases\",\"tagMap\":{\"aws:x\":\"v\"}}]}",
                "tagPropagationConfigurations.1.member.tagMap.aws:x.key");
    }

    @Test
    void enumsAndTypes() throws Exception {
        invalid("CreateFieldRequest", "{\"domainId\":\"d\",\"name\":\"f\",\"type\":\"Colour\"}", "'Colour'",
                "'type'", "enum value set");
        invalid("CreateFieldRequest", "{\"domainId\":\"d\",\"name\":7,\"type\":\"Text\"}", "'name'",
                "must be a string");
        invalid("BatchPutFieldOptionsRequest", "{\"domainId\":\"d\",\"fieldId\":\"f\",\"options\":"
                + "[{\"name\":\"n\",\"value\":\"v\",\"active\":\"yes\"}]}", "options.1.member.active", "boolean");
    }

    @Test
    void numericRanges() throws Exception {
        invalid("ListDomainsRequest", "{\"maxResults\":0}", "greater than or equal to 1");
        invalid("ListDomainsRequest", "{\"maxResults\":11}", "less than or equal to 10");
        valid("ListDomainsRequest", "{\"maxResults\":10}");
    }

    @Test
    void listSizes() throws Exception {
        invalid("BatchGetFieldRequest", "{\"domainId\":\"d\",\"fields\":[]}", "'fields'",
                "greater than or equal to 1");
        invalid("BatchGetFieldRequest", "{\"domainId\":\"d\",\"fields\":[" + "{\"id\":\"x\"},".repeat(50)
                + "{\"id\":\"x\"}]}", "less than or equal to 50");
    }

    @Test
    void unionsNeedExactlyOneMember() throws Exception {
        String conditions = "{\"defaultValue\":true,\"conditions\":[]}";
        invalid("CreateCaseRuleRequest", "{\"domainId\":\"d\",\"name\":\"r\",\"rule\":{\"required\":" + conditions
                + ",\"hidden\":" + conditions + "}}", "'rule'", "Exactly one member");
        invalid("CreateCaseRuleRequest", "{\"domainId\":\"d\",\"name\":\"r\",\"rule\":{}}", "Exactly one member");
    }

    @Test
    void nestedPathsNameTheMember() throws Exception {
        invalid("CreateLayoutRequest", "{\"domainId\":\"d\",\"name\":\"l\",\"content\":{\"basic\":{\"topPanel\":"
                + "{\"sections\":[{\"fieldGroup\":{\"fields\":[{\"id\":\"" + "x".repeat(501) + "\"}]}}]}}}}",
                "content.basic.topPanel.sections.1.member.fieldGroup.fields.1.member.id");
    }

    @Test
    void realisticInputsPass() throws Exception {
        valid("CreateTemplateRequest", "{\"domainId\":\"d\",\"name\":\"t\",\"status\":\"Active\","
                + "\"layoutConfiguration\":{\"defaultLayout\":\"l\"},\"requiredFields\":[{\"fieldId\":\"f\"}],"
                + "\"rules\":[{\"caseRuleId\":\"r\",\"fieldId\":\"f\"}],\"tagPropagationConfigurations\":"
                + "[{\"resourceType\":\"Cases\",\"tagMap\":{\"team\":\"blue\"}}],\"unknown\":{\"x\":1}}");
        valid("CreateCaseRuleRequest", "{\"domainId\":\"d\",\"name\":\"r\",\"rule\":{\"required\":"
                + "{\"defaultValue\":false,\"conditions\":[{\"andAll\":{\"conditions\":[{\"equalTo\":"
                + "{\"operandOne\":{\"fieldId\":\"status\"},\"operandTwo\":{\"emptyValue\":{}},\"result\":true}}]}}]}}}");
        valid("PutCaseEventConfigurationRequest", "{\"domainId\":\"d\",\"eventBridge\":{\"enabled\":true,"
                + "\"includedData\":{\"caseData\":{\"fields\":[{\"id\":\"status\"}]},"
                + "\"relatedItemData\":{\"includeContent\":false}}}}");
    }

    @Test
    void sensitiveAndLongValuesAreNotEchoed() throws Exception {
        String longName = "y".repeat(150);
        JsonNode node = JSON.readTree("{\"name\":\"" + longName + "\"}");
        assertThatThrownBy(() -> validator.validate("CreateDomainRequest", node))
                .hasMessageNotContaining(longName).hasMessageContaining("'name'");
    }

    /** The shapes of the four newest operations (BatchUpdateCase, BatchCreateRelatedItem, StartMergeCases, ...). */
    @Test
    void newestOperationsShapesNameTheOffendingMember() throws Exception {
        valid("BatchUpdateCaseRequest", "{\"domainId\":\"d\",\"cases\":[{\"caseIdentifier\":{\"caseId\":\"c-1\"}},"
                + "{\"caseIdentifier\":{\"referenceId\":\"R1\"}}],\"fields\":[{\"fieldIdentifier\":{\"name\":\"Priority\"},"
                + "\"value\":{\"stringValue\":\"high\"}}],\"title\":\"t\",\"clientToken\":\"tok\"}");
        invalid("BatchUpdateCaseRequest", "{\"domainId\":\"d\",\"cases\":[]}", "'cases'", "greater than or equal to 1");
        invalid("BatchUpdateCaseRequest", "{\"domainId\":\"d\",\"cases\":[{\"caseIdentifier\":{\"caseId\":\"a\","
                + "\"referenceId\":\"b\"}}]}", "cases.1.member.caseIdentifier", "Exactly one member");
        invalid("BatchUpdateCaseRequest", "{\"domainId\":\"d\",\"cases\":[{\"caseIdentifier\":{\"caseId\":\"a b\"}}]}",
                "cases.1.member.caseIdentifier.caseId", "pattern");
        invalid("BatchUpdateCaseRequest", "{\"domainId\":\"d\",\"cases\":[{\"caseIdentifier\":{\"referenceId\":\""
                + "R".repeat(51) + "\"}}]}", "caseIdentifier.referenceId", "less than or equal to 50");
        invalid("BatchUpdateCaseRequest", "{\"domainId\":\"d\",\"cases\":[{\"caseIdentifier\":{\"caseId\":\"a\"}}],"
                + "\"fields\":[{\"fieldIdentifier\":{}}],\"clientToken\":\"" + "x".repeat(65) + "\"}",
                "fields.1.member.fieldIdentifier", "fields.1.member.value", "clientToken");
        invalid("BatchCreateRelatedItemRequest", "{\"domainId\":\"d\",\"cases\":[{\"caseIdentifier\":{\"caseId\":\"c\"}}]}",
                "'content'");
        invalid("StartMergeCasesRequest", "{\"domainId\":\"d\",\"caseId\":\"p\",\"secondaryCaseId\":\"s\","
                + "\"fieldsConfiguration\":{\"fieldIds\":[{}]},\"relatedItemsConfiguration\":{\"comment\":\"yes\"}}",
                "fieldsConfiguration.sourceCaseId", "fieldsConfiguration.fieldIds.1.member.id",
                "relatedItemsConfiguration.comment");
        invalid("GetMergeCasesStatusRequest", "{\"domainId\":\"d\",\"caseId\":\"c?\"}", "'caseId'", "pattern");
        invalid("GetCaseRequest", "{\"domainId\":\"d\",\"caseId\":\"c d\",\"fields\":[{\"id\":\"title\"}]}",
                "'caseId'", "pattern");
    }
}
