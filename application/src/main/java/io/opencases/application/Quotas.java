package io.opencases.application;

/**
 * The service quotas, AWS's defaults unless configured. Exceeding one is a ServiceQuotaExceededException (402).
 * Counts are of live resources: deleted ones no longer count.
 */
public record Quotas(int domainsPerAccount, int fieldsPerDomain, int optionsPerField, int layoutsPerDomain,
                     int templatesPerDomain, int caseRulesPerDomain, int fieldsPerLayout) {

    public static final Quotas AWS_DEFAULTS = new Quotas(5, 500, 500, 100, 100, 100, 100);

    public Quotas {
        if (domainsPerAccount < 1 || fieldsPerDomain < 1 || optionsPerField < 1 || layoutsPerDomain < 1
                || templatesPerDomain < 1 || caseRulesPerDomain < 1 || fieldsPerLayout < 1) {
            throw new IllegalArgumentException("quotas must be positive");
        }
    }
}
