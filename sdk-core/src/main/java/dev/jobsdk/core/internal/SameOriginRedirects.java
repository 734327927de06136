package dev.jobsdk.core.internal;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows a redirect only when it stays on the request's origin (scheme, host and port), so no
 * credential (API-key header, bearer or refreshed token, login form) ever reaches another server
 * and an https to http downgrade is never taken. A redirect to another origin is handed back
 * unfollowed; the transport turns it into an {@link dev.jobsdk.core.ApiException} naming the
 * refused origin.
 *
 * <p>OkHttp's own redirect following must be off ({@code followRedirects(false)}): it strips only
 * {@code Authorization} when the host changes, and would forward {@code x-api-key}.
 */
final class SameOriginRedirects implements Interceptor {
  /** Most same-origin redirects followed for one request, as browsers and OkHttp allow 20. */
  static final int MAX_REDIRECTS = 10;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    for (int hops = 0; ; hops++) {
      Request next = followUp(request, response);
      if (next == null) {
        return response;
      }
      if (hops == MAX_REDIRECTS) {
        response.close();
        throw new ProtocolException("Too many redirects: " + (hops + 1));
      }
      response.close();
      request = next;
      response = chain.proceed(request);
    }
  }

  /** Returns the request a same-origin redirect leads to, or null to hand the answer back. */
  static Request followUp(Request request, Response response) {
    int code = response.code();
    if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
      return null;
    }
    String location = response.header("Location");
    if (location == null) {
      return null;
    }
    HttpUrl target = request.url().resolve(location);
    if (target == null || !sameOrigin(request.url(), target)) {
      return null;
    }
    Request.Builder next = request.newBuilder().url(target);
    boolean keepsMethod = code == 307 || code == 308 || "GET".equals(request.method());
    if (!keepsMethod) {
      // What browsers and OkHttp do: a 301/302/303 after a POST is fetched with GET.
      next.method("GET", null)
          .removeHeader("Content-Type")
          .removeHeader("Content-Length")
          .removeHeader("Transfer-Encoding");
    }
    return next.build();
  }

  /**
   * Returns whether two URLs share scheme, host and port.
   *
   * @param a one URL
   * @param b another
   * @return true for the same origin
   */
  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /**
   * Describes where a redirect answer pointed, for an error message: the origin only (never a
   * path or query, which may carry tokens), cut and stripped of control characters.
   *
   * @param request the request that was redirected
   * @param location the answer's {@code Location} header, or null
   * @return a short description
   */
  static String describeRefused(HttpUrl request, String location) {
    if (location == null) {
      return "a redirect without a Location header";
    }
    HttpUrl target = request.resolve(location);
    if (target == null) {
      return "a redirect to an unreadable Location: " + Untrusted.text(location, 80);
    }
    String origin = target.scheme() + "://" + target.host() + ":" + target.port();
    String why =
        "https".equals(request.scheme()) && "http".equals(target.scheme())
            ? " (a downgrade from https to http)"
            : "";
    return "a redirect to another origin, "
        + Untrusted.text(origin, 120)
        + why
        + ", was not followed so that the client's credentials stay with "
        + request.scheme()
        + "://"
        + request.host()
        + ":"
        + request.port();
  }
}
