package io.opencases.lucene;

import io.opencases.domain.field.FieldValue;
import io.opencases.domain.search.FieldFilter;
import io.opencases.domain.search.SortableValue;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.time.Instant;
import java.util.List;

/** Translates the filter algebra into Lucene queries with exactly FieldFilter's semantics. */
final class LuceneFilters {
    private LuceneFilters() {
    }

    static Query toQuery(FieldFilter filter) {
        if (filter instanceof FieldFilter.Comparison c) {
            return comparison(c);
        }
        if (filter instanceof FieldFilter.Not not) {
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                    .add(toQuery(not.filter()), BooleanClause.Occur.MUST_NOT).build();
        }
        if (filter instanceof FieldFilter.AndAll and) {
            return all(and.filters());
        }
        if (filter instanceof FieldFilter.OrAll or) {
            return any(or.filters().stream().map(LuceneFilters::toQuery).toList());
        }
        return tag((FieldFilter.TagEqualTo) filter);
    }

    private static Query all(List<FieldFilter> filters) {
        if (filters.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        var builder = new BooleanQuery.Builder();
        filters.forEach(f -> builder.add(toQuery(f), BooleanClause.Occur.FILTER));
        return builder.build();
    }

    private static Query any(List<Query> queries) {
        if (queries.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        var builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        queries.forEach(q -> builder.add(q, BooleanClause.Occur.SHOULD));
        return builder.build();
    }

    private static Query tag(FieldFilter.TagEqualTo tag) {
        if (tag.key() != null && tag.value() != null) {
            return new TermQuery(new Term(LuceneFields.TAG, tag.key() + '\u0000' + tag.value()));
        }
        if (tag.key() != null) {
            return new PrefixQuery(new Term(LuceneFields.TAG, tag.key() + '\u0000'));
        }
        if (tag.value() != null) {
            return new TermQuery(new Term(LuceneFields.TAG_VALUE, tag.value()));
        }
        return new PrefixQuery(new Term(LuceneFields.TAG, ""));
    }

    private static Query comparison(FieldFilter.Comparison c) {
        String id = c.fieldId();
        FieldValue value = c.value();
        if (value instanceof FieldValue.Empty) {
            if (c.operator() != FieldFilter.Operator.EQUAL_TO) {
                return new MatchNoDocsQuery();
            }
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                    .add(new FieldExistsQuery(LuceneFields.order(id)), BooleanClause.Occur.MUST_NOT).build();
        }
        String text = LuceneFields.text(value);
        switch (c.operator()) {
            case EQUAL_TO -> {
                if (value instanceof FieldValue.DoubleValue d) {
                    return DoublePoint.newExactQuery(LuceneFields.number(id), d.value());
                }
                if (value instanceof FieldValue.BooleanValue b) {
                    return LongPoint.newExactQuery(LuceneFields.order(id), LuceneFields.booleanKey(b.value()));
                }
                return TextFilterQuery.equalTo(id, text);
            }
            case CONTAINS -> {
                if (text == null) {
                    return new MatchNoDocsQuery();
                }
                return TextFilterQuery.contains(id, text);
            }
            default -> {
                return range(c.operator(), id, value, text);
            }
        }
    }

    private static Query range(FieldFilter.Operator operator, String id, FieldValue value, String text) {
        boolean lower = operator == FieldFilter.Operator.GREATER_THAN
                || operator == FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO;
        boolean inclusive = operator == FieldFilter.Operator.GREATER_THAN_OR_EQUAL_TO
                || operator == FieldFilter.Operator.LESS_THAN_OR_EQUAL_TO;
        if (value instanceof FieldValue.DoubleValue d) {
            double bound = inclusive ? d.value() : lower ? Math.nextUp(d.value()) : Math.nextDown(d.value());
            return lower ? DoublePoint.newRangeQuery(LuceneFields.number(id), bound, Double.POSITIVE_INFINITY)
                    : DoublePoint.newRangeQuery(LuceneFields.number(id), Double.NEGATIVE_INFINITY, bound);
        }
        if (text == null) {
            return new MatchNoDocsQuery();
        }
        Instant instant = SortableValue.instant(text);
        Query texts = TextFilterQuery.textRange(id, text, lower, inclusive);
        if (instant == null) {
            // A text that is not a date-time compares as text with every value, date-times included.
            return any(List.of(texts, TextFilterQuery.dateTimeTextRange(id, text, lower, inclusive)));
        }
        // Date-times compare as instants with date-times and as text with any other text, like FieldFilter.
        long nanos = LuceneFields.nanos(instant);
        long bound = inclusive ? nanos : lower ? nanos + 1 : nanos - 1;
        Query points = lower ? LongPoint.newRangeQuery(LuceneFields.time(id), bound, Long.MAX_VALUE)
                : LongPoint.newRangeQuery(LuceneFields.time(id), Long.MIN_VALUE, bound);
        return any(List.of(points, texts));
    }
}
