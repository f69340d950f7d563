package io.opencases.rest.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request-rate quotas AWS documents for Connect Cases (per account and Region; "Amazon Connect Cases API
 * quotas" in the Amazon Connect Administrator Guide's service quotas page): steady requests per second and burst.
 * Operations AWS lists no quota for are not throttled. docs/compatibility.md lists the same table.
 */
public final class AwsRequestQuotas {
    private AwsRequestQuotas() {
    }

    public static Map<String, TokenBuckets.Quota> quotas() {
        var quotas = new HashMap<String, TokenBuckets.Quota>();
        put(quotas, 2, 10, List.of("CreateCase", "SearchCases", "ListTemplates", "ListLayouts", "CreateRelatedItem",
                "SearchRelatedItems", "ListCaseRules", "ListTagsForResource", "TagResource", "UntagResource",
                "GetCaseAuditEvents", "GetCaseEventConfiguration", "PutCaseEventConfiguration"));
        put(quotas, 4, 10, List.of("GetCase"));
        put(quotas, 2, 2, List.of("UpdateCase", "ListCasesForContact"));
        put(quotas, 2, 5, List.of("CreateField", "ListFields", "UpdateField", "BatchPutFieldOptions", "CreateDomain",
                "GetDomain", "ListDomains", "CreateTemplate", "UpdateTemplate", "CreateLayout", "UpdateLayout",
                "CreateCaseRule", "UpdateCaseRule", "DeleteCaseRule"));
        put(quotas, 8, 25, List.of("BatchGetField", "BatchGetCaseRule"));
        put(quotas, 6, 16, List.of("ListFieldOptions"));
        put(quotas, 6, 20, List.of("GetTemplate", "GetLayout"));
        return Map.copyOf(quotas);
    }

    private static void put(Map<String, TokenBuckets.Quota> quotas, double rate, int burst, List<String> operations) {
        operations.forEach(operation -> quotas.put(operation, new TokenBuckets.Quota(rate, burst)));
    }
}
