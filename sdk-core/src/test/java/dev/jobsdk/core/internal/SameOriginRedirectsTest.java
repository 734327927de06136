package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which redirects are followed, and how: the decision, without a network. */
class SameOriginRedirectsTest {
  static Request get(String url) {
    return new Request.Builder().url(url).header("x-api-key", "k").build();
  }

  static Response answer(Request request, int code, String location) {
    Response.Builder b =
        new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(code).message("");
    if (location != null) {
      b.header("Location", location);
    }
    return b.build();
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.example.com/v1/x, http://api.example.com/v1/x",
    "https://api.example.com/v1/x, https://api.example.com:8443/v1/x",
    "https://api.example.com/v1/x, https://evil.example.com/v1/x",
    "https://api.example.com/v1/x, https://API.example.com.evil.net/v1/x",
    "http://127.0.0.1:8080/v1/x, http://localhost:8080/v1/x",
  })
  void anotherOrigin_downgradeIncluded_isNotFollowed(String from, String to) {
    Request r = get(from);
    assertThat(SameOriginRedirects.followUp(r, answer(r, 302, to))).isNull();
  }

  @Test
  void downgrade_isDescribedAsOne_withOnlyTheOrigin() {
    String text =
        SameOriginRedirects.describeRefused(
            okhttp3.HttpUrl.get("https://api.example.com/v1/x"),
            "http://api.example.com/v1/x?token=abc\r\nX-Injected: 1");
    assertThat(text).contains("http://api.example.com:80", "downgrade").doesNotContain("token", "\r", "\n");
  }

  @Test
  void sameOrigin_relativeLocation_isFollowedWithItsHeaders() {
    Request r = get("https://api.example.com/v1/jobs/1");
    Request next = SameOriginRedirects.followUp(r, answer(r, 301, "/v1/jobs/1/"));
    assertThat(next.url().toString()).isEqualTo("https://api.example.com/v1/jobs/1/");
    assertThat(next.header("x-api-key")).isEqualTo("k");
  }

  @Test
  void post_307KeepsMethodAndBody_303BecomesGet() {
    Request post =
        new Request.Builder()
            .url("https://api.example.com/v1/jobs")
            .post(RequestBody.create("{}", MediaType.get("application/json")))
            .build();
    assertThat(SameOriginRedirects.followUp(post, answer(post, 307, "/v2/jobs")).method())
        .isEqualTo("POST");
    Request after303 = SameOriginRedirects.followUp(post, answer(post, 303, "/v2/jobs/1"));
    assertThat(after303.method()).isEqualTo("GET");
    assertThat(after303.body()).isNull();
  }

  @Test
  void notARedirect_orNoLocation_isHandedBack() {
    Request r = get("https://api.example.com/v1/x");
    assertThat(SameOriginRedirects.followUp(r, answer(r, 304, "/y"))).isNull();
    assertThat(SameOriginRedirects.followUp(r, answer(r, 302, null))).isNull();
  }
}
