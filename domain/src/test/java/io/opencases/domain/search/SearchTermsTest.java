package io.opencases.domain.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written word splitter finds exactly what the searchTerm rule's regular expression finds. */
class SearchTermsTest {

    @Test
    void splitsIntoLowerCasedRunsOfLettersAndDigits() {
        assertThat(SearchTerms.words("Printer BAT-42, né à Zürich; 東京 Ⅻ ½x"))
                .containsExactly("printer", "bat", "42", "né", "à", "zürich", "東京", "ⅻ", "½x");
        assertThat(SearchTerms.words("")).isEmpty();
        assertThat(SearchTerms.words("--- ...")).isEmpty();
    }

    @Test
    void findsWhatTheRegularExpressionFindsInAnyText() {
        var random = new Random(7);
        // ASCII, Latin-1, other scripts, number categories, punctuation, and surrogates (paired and lone).
        char[] alphabet = ("aZ09 -_.,;:/\t\n\u00e9\u00c9\u00df\u0130\u0131\u2160\u00bd\u0660\u6771\u0301"
                + "\u02b0\u01c5\ud83d\ude00\ud835\udc00\ud800\udfff").toCharArray();
        for (int run = 0; run < 20_000; run++) {
            var text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x10000)
                        : alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(SearchTerms.words(text.toString())).as("words of %s", text)
                    .isEqualTo(SearchTerms.wordsByPattern(text.toString()));
        }
    }
}
