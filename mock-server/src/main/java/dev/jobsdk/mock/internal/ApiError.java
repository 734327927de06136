package dev.jobsdk.mock.internal;

import dev.jobsdk.mock.internal.web.HttpResponse;

/** Ends request handling early with a finished error response. Carries no stack trace. */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient HttpResponse response;

  /** @param response the response to send */
  public ApiError(HttpResponse response) {
    super(null, null, false, false);
    this.response = response;
  }

  /** @return the response to send */
  public HttpResponse response() {
    return response;
  }
}
