package io.opencases.application;

/** Paging input of a list operation; both members may be null (first page, default size). */
public record PageRequest(Integer maxResults, String nextToken) {
    public PageRequest {
        // Some clients send an empty token for the first page; the model allows length 0.
        nextToken = nextToken == null || nextToken.isEmpty() ? null : nextToken;
    }

    public static final PageRequest FIRST = new PageRequest(null, null);

    public int sizeOr(int defaultSize) {
        return maxResults == null ? defaultSize : maxResults;
    }
}
