package io.github.csmkit.hubspot.sync;

/**
 * Sends one search request to HubSpot and returns its page: the seam between {@link
 * IncrementalPull} and an HTTP client (which handles authentication, rate limits and retries).
 */
@FunctionalInterface
public interface SearchFetcher {
  /**
   * Runs one search.
   *
   * @param request the request
   * @return the page HubSpot answered
   * @throws RuntimeException when the request fails for good (the pull stops and proposes no
   *     watermark)
   */
  SearchPage fetch(SearchRequest request);
}
