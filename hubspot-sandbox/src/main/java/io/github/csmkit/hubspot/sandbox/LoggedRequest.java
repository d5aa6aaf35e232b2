package io.github.csmkit.hubspot.sandbox;

import java.time.Instant;

/**
 * One request the sandbox answered, as the request log keeps it. Headers are not kept, so no token
 * is.
 *
 * @param at when it arrived, by the sandbox clock
 * @param endpoint the route
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the raw query string, or empty
 * @param body the request body, or empty
 * @param status the status answered
 */
public record LoggedRequest(
    Instant at,
    HubSpotEndpoint endpoint,
    String method,
    String path,
    String query,
    String body,
    int status) {}
