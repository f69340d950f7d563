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
import io.opencases.domain.relateditem.RelatedItemOrdering;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
        var query = new CaseIndex.Query(command.filter(), words, sorts, after, size + 1,
                Set.copyOf(command.fieldIds()));
        // Read-your-writes: every write acknowledged before this search began is visible to it.
        CaseIndex.Hits hits;
        if (indexing != null) {
            hits = indexing.search(domain.domainId(), query);
        } else {
            index.refresh();
            hits = index.search(domain.domainId(), query);
        }
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

    /**
     * Related items of every case in the domain matching any filter; default order: oldest association first. The
     * store answers one page from an index in the requested order, so a call costs a page, not the domain; the next
     * token is a cursor after the last item (its sort key), so pages stay consistent while other writes happen.
     */
    public RelatedItemResults searchAllRelatedItems(SearchAllRelatedItems command) {
        return context.unitOfWork().read(() -> {
            CasesDomain domain = access.requireDomain(command.caller(), command.domainId());
            Instant now = context.clock().now().truncatedTo(ChronoUnit.MILLIS);
            RelatedItemOrdering ordering = ordering(command.sorts());
            String scope = "SearchAllRelatedItems/" + domain.domainId() + "/"
                    + Integer.toHexString(Objects.hash(command.filters(), command.sorts()));
            Page<RelatedItem> page = Pagination.page(scope, command.page(), RELATED_ITEM_PAGE, (after, limit) -> {
                RelatedItemOrdering.Key cursor = null;
                if (after != null) {
                    Optional<RelatedItemOrdering.Key> found = relatedItemCursor(domain.domainId(), after);
                    if (found.isEmpty()) {
                        return List.of();
                    }
                    cursor = found.get();
                }
                return relatedItems.search(domain.domainId(), new RelatedItemRepository.Search(command.filters(),
                        ordering, cursor, limit, now));
            }, i -> encodeRelatedItemKey(RelatedItemOrdering.Key.of(i)));
            var arns = new ArrayList<String>();
            for (RelatedItem i : page.items()) {
                arns.add(context.arns().relatedItem(domain.accountId(), domain.domainId(), i.caseId(),
                        i.relatedItemId()));
            }
            // One tag lookup for the page rather than one per item.
            Map<String, Map<String, String>> tagsByArn = arns.isEmpty() ? Map.of() : tags.tagsOf(arns);
            var views = new ArrayList<RelatedItemView>();
            for (int n = 0; n < page.items().size(); n++) {
                views.add(new RelatedItemView(page.items().get(n), arns.get(n),
                        tagsByArn.getOrDefault(arns.get(n), Map.of()), now));
            }
            return new RelatedItemResults(views, page.nextToken());
        });
    }

    private static RelatedItemOrdering ordering(List<RelatedItemSort> sorts) {
        var keys = new ArrayList<RelatedItemOrdering.Sort>();
        for (RelatedItemSort sort : sorts == null ? List.<RelatedItemSort>of() : sorts) {
            keys.add(new RelatedItemOrdering.Sort(sort.property() == SearchCommands.RelatedItemSortProperty.CaseId
                    ? RelatedItemOrdering.Property.CaseId : RelatedItemOrdering.Property.AssociationTime,
                    sort.ascending()));
        }
        return new RelatedItemOrdering(keys);
    }

    /** A related-item cursor as text: the association time (ISO-8601, every digit kept), case id and item id. */
    static String encodeRelatedItemKey(RelatedItemOrdering.Key key) {
        return enc(key.associationTime().toString()) + "," + enc(key.caseId()) + "," + enc(key.relatedItemId());
    }

    /**
     * The cursor a token carries. Tokens from before the indexed search held only "caseId/itemId": for those the
     * item's key is read back, and a deleted item ends the listing as it did then.
     */
    private Optional<RelatedItemOrdering.Key> relatedItemCursor(String domainId, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length == 3) {
            try {
                return Optional.of(new RelatedItemOrdering.Key(Instant.parse(dec(parts[0])), dec(parts[1]),
                        dec(parts[2])));
            } catch (RuntimeException e) {
                throw invalidToken();
            }
        }
        String[] ids = text.split("/", 2);
        return relatedItems.find(domainId, ids[0], ids.length > 1 ? ids[1] : "").map(RelatedItemOrdering.Key::of);
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
