package io.opencases.lucene;

import io.opencases.domain.search.CaseDocument;
import io.opencases.domain.search.SearchTerms;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words of a case's text values (SearchTerms' rule) as one field of word terms, indexed like a StringField per
 * word (documents only, no norms) but made without a String, a Field and a set entry per word: each text is
 * lower-cased once and its words (SearchTerms.forEachWord) are handed to Lucene as bounds in it. Making a StringField per distinct word was an
 * eighth of a rebuild's indexing time (JFR, 1M cases). A word that repeats is indexed once anyway.
 */
final class CaseWords extends TokenStream {
    static final FieldType TYPE = new FieldType();

    static {
        TYPE.setIndexOptions(IndexOptions.DOCS);
        TYPE.setOmitNorms(true);
        TYPE.setTokenized(true);
        TYPE.freeze();
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final List<String> texts = new ArrayList<>();
    /** Per word: its text's index in {@link #texts}, start, end. */
    private int[] words = new int[48];
    private int count;
    private int next;

    private CaseWords(CaseDocument document) {
        SearchTerms.forEachWord(document, (text, start, end) -> {
            if (texts.isEmpty() || texts.get(texts.size() - 1) != text) {
                texts.add(text);
            }
            add(texts.size() - 1, start, end);
        });
    }

    /** The case's word field. */
    static Field field(CaseDocument document) {
        return new Field(LuceneFields.WORD, new CaseWords(document), TYPE);
    }

    private void add(int text, int start, int end) {
        if (count * 3 + 3 > words.length) {
            words = Arrays.copyOf(words, words.length * 2);
        }
        words[count * 3] = text;
        words[count * 3 + 1] = start;
        words[count * 3 + 2] = end;
        count++;
    }

    @Override
    public boolean incrementToken() {
        if (next == count) {
            return false;
        }
        clearAttributes();
        int at = next++ * 3;
        term.append(texts.get(words[at]), words[at + 1], words[at + 2]);
        return true;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }
}
