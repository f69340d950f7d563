package io.opencases.application.search;

import io.opencases.application.DomainAccess;
import io.opencases.application.Page;
import io.opencases.application.Pagination;
import io.opencases.application.PageRequest;
import io.opencases.application.UseCaseContext;
import io.opencases.application.cases.CaseCommands.FieldWrite;
import io.opencases.application.port.CaseIndex;
import io.opencases.application.port.DomainRepository;
import io.opencases.application.port.FieldRepository;
import io.opencases.application.port.RelatedItemRepository;
import io.opencases.application.port.TagRepository;
import io.opencases.application.relateditem.RelatedItemCommands.RelatedItemView;
import io.opencases.application.search.SearchCommands.CaseHit;
import io.opencases.application.search.SearchCommands.CaseResults;
import io.opencases.application.search.SearchCommands.RelatedItemResults;
import io.opencases.application.search.SearchCommands.RelatedItemSort;
import io.opencases.application.search.SearchCommands.SearchAllRelatedItems;
import io.opencases.application.search.SearchCommands.SearchCases;
import io.opencases.domain.DomainException;
import io.opencases.domain.casesdomain.CasesDomain;
import io.opencases.domain.field.FieldValue;
import io.opencases.domain.relateditem.RelatedItem;
import io.opencases.domain.relateditem.RelatedItemFilter;
import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.CaseOrdering;
import io.opencases.domain.search.CaseSort;
import io.opencases.domain.search.SearchTerms;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** SearchCases over the case index, and SearchAllRelatedItems across a domain's cases. */
public final class SearchService {
    private static final int CASE_PAGE = 25;
    private static final int RELATED_ITEM_PAGE = 25;

    private final CaseIndex index;
    /** Null when built without one: then every search refreshes the index itself. */
    private final CaseIndexing indexing;
    private final RelatedItemRepository relatedItems;
    private final TagRepository tags;
    private final DomainAccess access;
    private final UseCaseContext context;

    public SearchService(DomainRepository domains, FieldRepository fields, CaseIndex index,
                         RelatedItemRepository relatedItems, TagRepository tags, UseCaseContext context) {
        this(domains, fields, index, null, relatedItems, tags, context);
    }

    public SearchService(DomainRepository domains, FieldRepository fields, CaseIndex index, CaseIndexing indexing,
                         RelatedItemRepository relatedItems, TagRepository tags, UseCaseContext context) {
        this.index = index;
        this.indexing = indexing;
        this.relatedItems = relatedItems;
        this.tags = tags;
        this.access = new DomainAccess(domains, fields);
        this.context = context;
    }

    /**
     * Filters, full-text term and up to two sorts (default: last updated first), then the case id. The next token
     * is a cursor after the last hit, so pages stay consistent while other writes happen; totalCount is exact.
     */
    public CaseResults searchCases(SearchCases command) {
        // The store is only asked whether the caller may search the domain; the search itself runs without holding
        // a database connection.
        CasesDomain domain = context.unitOfWork().read(() -> access.requireDomain(command.caller(),
                command.domainId()));
        List<CaseSort> sorts = command.sorts() == null || command.sorts().isEmpty() ? CaseSort.DEFAULT
                : command.sorts();
        List<String> words = command.searchTerm() == null ? List.of() : SearchTerms.words(command.searchTerm());
        String scope = "SearchCases/" + domain.domainId() + "/"
                + Integer.toHexString(Objects.hash(command.filter(), words, sorts));
        PageRequest page = command.page();
        int size = page.sizeOr(CASE_PAGE);
        CaseOrdering.Key after = page.nextToken() == null ? null
                : decodeKey(Pagination.continueAfter(scope, page.nextToken()), sorts.size());
        // Read-your-writes: every write acknowledged before this search began is visible to it.
        if (indexing != null) {
            indexing.awaitVisible();
        } else {
            index.refresh();
        }
        CaseIndex.Hits hits = index.search(domain.domainId(), new CaseIndex.Query(command.filter(), words, sorts,
                after, size + 1, Set.copyOf(command.fieldIds())));
        List<CaseDocument> documents = hits.documents();
        String next = null;
        if (documents.size() > size) {
            documents = documents.subList(0, size);
            next = Pagination.token(scope, encodeKey(CaseOrdering.key(documents.get(size - 1), sorts)));
        }
        var cases = new ArrayList<CaseHit>();
        for (CaseDocument d : documents) {
            var fields = new ArrayList<FieldWrite>();
            for (String id : command.fieldIds()) {
                FieldValue value = d.values().get(id);
                if (value != null) {
                    fields.add(new FieldWrite(id, value));
                }
            }
            cases.add(new CaseHit(d.caseId(), d.templateId(), fields, d.tags()));
        }
        return new CaseResults(cases, next, hits.totalCount());
    }

    /** Related items of every case in the domain matching any filter; default order: oldest association first. */
    public RelatedItemResults searchAllRelatedItems(SearchAllRelatedItems command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Instant now = context.clock().now().truncatedTo(ChronoUnit.MILLIS);
            Comparator<RelatedItem> order = order(command.sorts());
            List<RelatedItem> matching = relatedItems.listForDomain(domain.domainId()).stream()
                    .filter(i -> RelatedItemFilter.anyMatch(command.filters(), i, now)).sorted(order).toList();
            String scope = "SearchAllRelatedItems/" + domain.domainId() + "/"
                    + Integer.toHexString(Objects.hash(command.filters(), command.sorts()));
            // The cursor is the last item's id; its position in the (stable) order is where the next page starts.
            Page<RelatedItem> page = Pagination.page(scope, command.page(), RELATED_ITEM_PAGE, (after, limit) -> {
                int from = 0;
                if (after != null) {
                    String[] parts = after.split("/", 2);
                    RelatedItem last = relatedItems.find(domain.domainId(), parts[0], parts.length > 1 ? parts[1] : "")
                            .orElse(null);
                    from = last == null ? matching.size() : positionAfter(matching, last, order);
                }
                return matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
            }, i -> i.caseId() + "/" + i.relatedItemId());
            return new RelatedItemResults(page.items().stream().map(i -> {
                String arn = context.arns().relatedItem(domain.accountId(), domain.domainId(), i.caseId(),
                        i.relatedItemId());
                return new RelatedItemView(i, arn, tags.tags(arn), now);
            }).toList(), page.nextToken());
        });
    }

    private static int positionAfter(List<RelatedItem> sorted, RelatedItem last, Comparator<RelatedItem> order) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(sorted.get(mid), last) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Comparator<RelatedItem> order(List<RelatedItemSort> sorts) {
        Comparator<RelatedItem> order = null;
        List<RelatedItemSort> effective = sorts == null || sorts.isEmpty()
                ? List.of(new RelatedItemSort(SearchCommands.RelatedItemSortProperty.AssociationTime, true)) : sorts;
        for (RelatedItemSort sort : effective) {
            Comparator<RelatedItem> c = sort.property() == SearchCommands.RelatedItemSortProperty.CaseId
                    ? Comparator.comparing(RelatedItem::caseId) : Comparator.comparing(RelatedItem::associationTime);
            c = sort.ascending() ? c : c.reversed();
            order = order == null ? c : order.thenComparing(c);
        }
        return order.thenComparing(RelatedItem::caseId).thenComparing(RelatedItem::relatedItemId);
    }

    /** A cursor key as text: each sort value as type letter + URL-encoded text, then the case id. */
    static String encodeKey(CaseOrdering.Key key) {
        var parts = new ArrayList<String>();
        for (FieldValue v : key.sortValues()) {
            parts.add(v == null ? "N" : v instanceof FieldValue.StringValue s ? "S" + enc(s.value())
                    : v instanceof FieldValue.DoubleValue d ? "D" + d.value()
                    : v instanceof FieldValue.BooleanValue b ? "B" + b.value()
                    : v instanceof FieldValue.UserArnValue u ? "U" + enc(u.value()) : "N");
        }
        parts.add(enc(key.caseId()));
        return String.join(",", parts);
    }

    static CaseOrdering.Key decodeKey(String text, int sortCount) {
        String[] parts = text.split(",", -1);
        if (parts.length != sortCount + 1) {
            throw invalidToken();
        }
        try {
            var values = new ArrayList<FieldValue>();
            for (int i = 0; i < sortCount; i++) {
                String p = parts[i];
                String rest = p.substring(1);
                values.add(switch (p.charAt(0)) {
                    case 'N' -> null;
                    case 'S' -> new FieldValue.StringValue(dec(rest));
                    case 'D' -> new FieldValue.DoubleValue(Double.parseDouble(rest));
                    case 'B' -> new FieldValue.BooleanValue(Boolean.parseBoolean(rest));
                    case 'U' -> new FieldValue.UserArnValue(dec(rest));
                    default -> throw invalidToken();
                });
            }
            return new CaseOrdering.Key(values, dec(parts[sortCount]));
        } catch (RuntimeException e) {
            throw invalidToken();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static DomainException invalidToken() {
        return new DomainException.Invalid("nextToken is invalid or belongs to another request.");
    }
}
