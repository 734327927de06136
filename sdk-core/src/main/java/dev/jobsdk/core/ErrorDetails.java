package dev.jobsdk.core;

import java.time.Duration;

/**
 * What an HTTP error answer said, as carried by an {@link ApiException}.
 *
 * @param statusCode the HTTP status code
 * @param method the request method, e.g. {@code GET}
 * @param path the request path (never the query, never headers)
 * @param errorCode the vendor's machine-readable error code, or null
 * @param message the vendor's human-readable message, or a summary of a plain-text or HTML body
 * @param requestId the request id header of the response, or null
 * @param retryAfter the delay the server asked for in {@code Retry-After}, or null
 * @param body the response body as text, truncated, or null
 */
public record ErrorDetails(
    int statusCode,
    String method,
    String path,
    String errorCode,
    String message,
    String requestId,
    Duration retryAfter,
    String body) {}
