package io.opencases.application;

import io.opencases.domain.DomainException;

import java.util.Optional;
import java.util.regex.Pattern;

/** Builds and parses the ARNs of the seven Cases resource types, in AWS's formats, for this server's region. */
public final class Arns {

    /** The resource an ARN names. {@code caseId} is set for related items, whose id is {@code resourceId}. */
    public record Parsed(String accountId, String domainId, ResourceKind kind, String resourceId, String caseId) {
    }

    public enum ResourceKind {
        DOMAIN("Domain", null), FIELD("Field", "field"), LAYOUT("Layout", "layout"), TEMPLATE("Template", "template"),
        CASE_RULE("CaseRule", "case-rule"), CASE("Case", "case"), RELATED_ITEM("RelatedItem", "related-item");

        private final String resourceType;
        private final String segment;

        ResourceKind(String resourceType, String segment) {
            this.resourceType = resourceType;
            this.segment = segment;
        }

        /** The resourceType value of ResourceNotFoundException for this kind. */
        public String resourceType() {
            return resourceType;
        }
    }

    private static final Pattern RESOURCE = Pattern.compile(
            "domain/([^/]+)(?:/(field|layout|template|case-rule|case)/([^/]+)(?:/related-item/([^/]+))?)?");

    private final String partition;
    private final String region;

    public Arns(String partition, String region) {
        this.partition = partition;
        this.region = region;
    }

    public String region() {
        return region;
    }

    public String domain(String accountId, String domainId) {
        return "arn:" + partition + ":cases:" + region + ":" + accountId + ":domain/" + domainId;
    }

    public String field(String accountId, String domainId, String fieldId) {
        return domain(accountId, domainId) + "/field/" + fieldId;
    }

    public String layout(String accountId, String domainId, String layoutId) {
        return domain(accountId, domainId) + "/layout/" + layoutId;
    }

    public String template(String accountId, String domainId, String templateId) {
        return domain(accountId, domainId) + "/template/" + templateId;
    }

    public String caseRule(String accountId, String domainId, String caseRuleId) {
        return domain(accountId, domainId) + "/case-rule/" + caseRuleId;
    }

    public String caseArn(String accountId, String domainId, String caseId) {
        return domain(accountId, domainId) + "/case/" + caseId;
    }

    public String relatedItem(String accountId, String domainId, String caseId, String relatedItemId) {
        return caseArn(accountId, domainId, caseId) + "/related-item/" + relatedItemId;
    }

    /**
     * Parses a Cases ARN of this partition and region. An ARN of another region names nothing here; it is reported
     * as not found rather than invalid, like any ARN that names no resource.
     */
    public Parsed parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("cases")) {
            throw DomainException.invalid("arn: %s is not an Amazon Connect Cases ARN.", arn);
        }
        var m = RESOURCE.matcher(parts[5]);
        if (!m.matches() || (m.group(4) != null && !"case".equals(m.group(2)))) {
            throw DomainException.invalid("arn: %s is not an Amazon Connect Cases ARN.", arn);
        }
        if (!parts[1].equals(partition) || !parts[3].equals(region)) {
            throw new DomainException.NotFound("Resource", arn);
        }
        String domainId = m.group(1);
        if (m.group(2) == null) {
            return new Parsed(parts[4], domainId, ResourceKind.DOMAIN, domainId, null);
        }
        if (m.group(4) != null) {
            return new Parsed(parts[4], domainId, ResourceKind.RELATED_ITEM, m.group(4), m.group(3));
        }
        ResourceKind kind = Optional.of(m.group(2)).map(Arns::kindOf).orElseThrow();
        return new Parsed(parts[4], domainId, kind, m.group(3), kind == ResourceKind.CASE ? m.group(3) : null);
    }

    private static ResourceKind kindOf(String segment) {
        for (ResourceKind kind : ResourceKind.values()) {
            if (segment.equals(kind.segment)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(segment);
    }
}
