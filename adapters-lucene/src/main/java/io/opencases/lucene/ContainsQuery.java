package io.opencases.lucene;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code contains} filter on the exact-text field: matches the cases whose text, lower-cased, contains the
 * lower-cased needle. It walks the field's terms like a leading-wildcard query would, lower-casing each, so the index
 * keeps one copy of every text instead of a second lower-cased one that only this filter reads.
 */
final class ContainsQuery extends MultiTermQuery {
    private final String needle;

    ContainsQuery(String field, String lowerCasedNeedle) {
        super(field, CONSTANT_SCORE_BLENDED_REWRITE);
        this.needle = lowerCasedNeedle;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws java.io.IOException {
        return new FilteredTermsEnum(terms.iterator(), false) {
            @Override
            protected AcceptStatus accept(BytesRef term) {
                return term.utf8ToString().toLowerCase(Locale.ROOT).contains(needle) ? AcceptStatus.YES
                        : AcceptStatus.NO;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(getField())) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return getField() + ":*" + needle + "*";
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && needle.equals(((ContainsQuery) other).needle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), needle);
    }
}
