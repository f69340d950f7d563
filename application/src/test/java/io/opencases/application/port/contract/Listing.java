package io.opencases.application.port.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Walks a keyset listing page by page, as the services do, for the contracts' paging tests. */
final class Listing {
    /** More pages than any test writes: an adapter that ignores the cursor fails instead of looping forever. */
    private static final int MAX_PAGES = 1000;

    private Listing() {
    }

    /** The non-empty pages of {@code list(afterId, limit)}, each continuing after the last key of the one before. */
    static <T> List<List<T>> pages(BiFunction<String, Integer, List<T>> list, Function<T, String> key, int limit) {
        var pages = new ArrayList<List<T>>();
        String after = null;
        while (pages.size() < MAX_PAGES) {
            List<T> page = list.apply(after, limit);
            if (page.isEmpty()) {
                return pages;
            }
            pages.add(page);
            after = key.apply(page.get(page.size() - 1));
        }
        throw new AssertionError("the listing did not end after " + MAX_PAGES + " pages");
    }
}
