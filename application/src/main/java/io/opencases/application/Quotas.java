package io.opencases.application;

/**
 * The service quotas, AWS's defaults unless configured. Exceeding one is a ServiceQuotaExceededException (402).
 * Counts are of live resources: deleted ones no longer count.
 */
public record Quotas(int domainsPerAccount, int fieldsPerDomain, int optionsPerField, int layoutsPerDomain,
                     int templatesPerDomain, int caseRulesPerDomain, int fieldsPerLayout, int relatedItemsPerCase,
                     int filesPerCase, int slasPerCase, int fieldsPerCustomItem) {

    public static final Quotas AWS_DEFAULTS = new Quotas(5, 500, 500, 100, 100, 100, 100, 200, 50, 10, 5);

    public Quotas {
        if (domainsPerAccount < 1 || fieldsPerDomain < 1 || optionsPerField < 1 || layoutsPerDomain < 1
                || templatesPerDomain < 1 || caseRulesPerDomain < 1 || fieldsPerLayout < 1 || relatedItemsPerCase < 1
                || filesPerCase < 1 || slasPerCase < 1 || fieldsPerCustomItem < 1) {
            throw new IllegalArgumentException("quotas must be positive");
        }
    }

    /** The configuration quotas, with AWS's defaults for the per-case ones. */
    public Quotas(int domainsPerAccount, int fieldsPerDomain, int optionsPerField, int layoutsPerDomain,
                  int templatesPerDomain, int caseRulesPerDomain, int fieldsPerLayout) {
        this(domainsPerAccount, fieldsPerDomain, optionsPerField, layoutsPerDomain, templatesPerDomain,
                caseRulesPerDomain, fieldsPerLayout, 200, 50, 10, 5);
    }
}
