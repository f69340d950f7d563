package io.opencases.application;

import io.opencases.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyset paging behind opaque tokens: continuation, the last page, and tokens that belong elsewhere. */
class PaginationTest {
    private static final String SCOPE = "ListThings/d1";

    private final TreeSet<String> keys = new TreeSet<>(IntStream.rangeClosed(1, 10)
            .mapToObj(i -> String.format("k%02d", i)).toList());

    private final BiFunction<String, Integer, List<String>> fetch = (after, limit) -> keys.stream()
            .filter(k -> after == null || k.compareTo(after) > 0).limit(limit).toList();

    private Page<String> page(String scope, Integer size, String token) {
        return Pagination.page(scope, new PageRequest(size, token), 4, fetch, k -> k);
    }

    @Test
    void aTokenContinuesRightAfterTheLastKeyOfThePage() {
        var first = page(SCOPE, 3, null);

        assertThat(first.items()).containsExactly("k01", "k02", "k03");
        assertThat(first.nextToken()).isNotBlank();
        assertThat(Pagination.decode(SCOPE, first.nextToken())).isEqualTo("k03");
        assertThat(page(SCOPE, 3, first.nextToken()).items()).containsExactly("k04", "k05", "k06");
    }

    @Test
    void encodeAndDecodeRoundTrip() {
        String token = Pagination.encode(SCOPE, "some/key with spaces");

        assertThat(Pagination.decode(SCOPE, token)).isEqualTo("some/key with spaces");
    }

    @Test
    void pagingVisitsEveryItemExactlyOnceAndTheLastPageHasNoToken() {
        var seen = new ArrayList<String>();
        var sizes = new ArrayList<Integer>();
        String token = null;
        do {
            Page<String> page = page(SCOPE, 3, token);
            seen.addAll(page.items());
            sizes.add(page.items().size());
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactlyElementsOf(keys);
        assertThat(sizes).containsExactly(3, 3, 3, 1);
    }

    @Test
    void aPageThatEndsExactlyAtTheLastItemHasNoToken() {
        keys.removeIf(k -> k.compareTo("k06") > 0);

        var first = page(SCOPE, 3, null);
        var second = page(SCOPE, 3, first.nextToken());

        assertThat(second.items()).containsExactly("k04", "k05", "k06");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void theDefaultSizeAppliesWithoutMaxResultsAndAnEmptyTokenMeansTheFirstPage() {
        var page = page(SCOPE, null, "");

        assertThat(page.items()).containsExactly("k01", "k02", "k03", "k04");
        assertThat(page.nextToken()).isNotNull();
    }

    @Test
    void writesBeforeTheCursorNeitherRepeatNorShiftTheNextPage() {
        var first = page(SCOPE, 3, null);
        keys.add("k00");
        keys.add("k02a");
        keys.remove("k03");

        assertThat(page(SCOPE, 3, first.nextToken()).items()).containsExactly("k04", "k05", "k06");
    }

    @Test
    void aTokenFromAnotherListingIsInvalid() {
        String token = page(SCOPE, 3, null).nextToken();

        assertThatThrownBy(() -> page("ListThings/d2", 3, token)).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("nextToken");
    }

    @Test
    void aGarbageTokenIsInvalid() {
        String garbage = Base64.getUrlEncoder().encodeToString("hello world".getBytes(StandardCharsets.UTF_8));
        String wrongVersion = Base64.getUrlEncoder().encodeToString(("9\n" + SCOPE + "\nk03")
                .getBytes(StandardCharsets.UTF_8));
        String noKey = Base64.getUrlEncoder().encodeToString(("1\n" + SCOPE + "\n").getBytes(StandardCharsets.UTF_8));

        for (String token : List.of(garbage, wrongVersion, noKey)) {
            assertThatThrownBy(() -> page(SCOPE, 3, token)).as(token).isInstanceOf(DomainException.Invalid.class);
        }
    }

    @Test
    void aTokenThatIsNotBase64IsInvalid() {
        assertThatThrownBy(() -> page(SCOPE, 3, "not base64 at all!")).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> page(SCOPE, 3, "%%%")).isInstanceOf(DomainException.Invalid.class);
    }
}
