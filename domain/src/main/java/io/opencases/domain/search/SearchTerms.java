package io.opencases.domain.search;

import io.opencases.domain.field.FieldValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The searchTerm rule: the term and the case's text are split into words (runs of letters and digits) and lower
 * cased; a case matches when every word of the term is the start of some word of the case's text values (all
 * string values: title, summary, reference_number, custom Text and Url fields, …, deleted fields included).
 */
public final class SearchTerms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchTerms() {
    }

    public static List<String> words(String text) {
        var words = new ArrayList<String>();
        var matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** The distinct words of a case's text values: what a term is matched against. */
    public static java.util.Set<String> caseWords(CaseDocument document) {
        var caseWords = new java.util.HashSet<String>();
        document.values().values().forEach(v -> {
            if (v instanceof FieldValue.StringValue s) {
                caseWords.addAll(words(s.value()));
            }
        });
        return caseWords;
    }

    public static boolean matches(java.util.Set<String> caseWords, List<String> termWords) {
        return termWords.stream().allMatch(t -> caseWords.contains(t)
                || caseWords.stream().anyMatch(w -> w.startsWith(t)));
    }

    public static boolean matches(CaseDocument document, List<String> termWords) {
        return termWords.isEmpty() || matches(caseWords(document), termWords);
    }
}
