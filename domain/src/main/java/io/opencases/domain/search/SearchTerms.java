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

    /**
     * The words of {@code text}, lower-cased: what {@link #WORD} finds, found without the regex engine (every case's
     * text is split when it is indexed, so this is on the rebuild's path); SearchTermsTest holds the two equal.
     */
    public static List<String> words(String text) {
        var words = new ArrayList<String>();
        String lower = text.toLowerCase(Locale.ROOT);
        wordBounds(lower, (start, end) -> words.add(lower.substring(start, end)));
        return words;
    }

    /** Where a word of a text begins and ends (exclusive), in the text's UTF-16 units. */
    @FunctionalInterface
    private interface WordBounds {
        void word(int start, int end);
    }

    /** A word of a case: where it begins and ends (exclusive) in one of the case's texts, lower-cased. */
    @FunctionalInterface
    public interface CaseWord {
        void word(String lowerCasedText, int start, int end);
    }

    /**
     * Gives {@code sink} each word of the case's text values (every string value), as bounds in the value
     * lower-cased, without a String per word: the index takes them this way. A word that repeats comes again.
     */
    public static void forEachWord(CaseDocument document, CaseWord sink) {
        for (FieldValue value : document.values().values()) {
            if (value instanceof FieldValue.StringValue s) {
                String lower = s.value().toLowerCase(Locale.ROOT);
                wordBounds(lower, (start, end) -> sink.word(lower, start, end));
            }
        }
    }

    /** The bounds of each word of {@code lowerCased}, a text already lower-cased with {@code Locale.ROOT}. */
    private static void wordBounds(String lowerCased, WordBounds sink) {
        int start = -1;
        int i = 0;
        while (i < lowerCased.length()) {
            int codePoint = lowerCased.codePointAt(i);
            boolean inWord = isWordCodePoint(codePoint);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                sink.word(start, i);
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            sink.word(start, lowerCased.length());
        }
    }

    /** {@code [\p{L}\p{N}]}: a letter or a number of any script (the regex's categories, by Character.getType). */
    private static boolean isWordCodePoint(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= '0' && codePoint <= '9'
                    || codePoint >= 'A' && codePoint <= 'Z';
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The words as the regular expression finds them: the definition {@link #words} must match. */
    static List<String> wordsByPattern(String text) {
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
        forEachWord(document, (text, start, end) -> caseWords.add(text.substring(start, end)));
        return caseWords;
    }

    /** Whether every term word is a word of the case or the start of one. */
    public static boolean matches(java.util.Set<String> caseWords, List<String> termWords) {
        // Loops, not streams: searches test the cases queued for the index with it, every search.
        for (String t : termWords) {
            if (!caseWords.contains(t) && !startsAWord(caseWords, t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAWord(java.util.Set<String> caseWords, String prefix) {
        for (String w : caseWords) {
            if (w.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public static boolean matches(CaseDocument document, List<String> termWords) {
        return termWords.isEmpty() || matches(caseWords(document), termWords);
    }
}
