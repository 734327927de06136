package dev.jobsdk.deepcurrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.RetryPolicy;
import dev.jobsdk.core.internal.Auth;
import dev.jobsdk.core.internal.Transport;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** When the login provider renews its JWT, on the client's (virtual) clock. */
class LoginTokenProviderTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();

  LoginTokenProvider provider() {
    Transport t = new Transport(server.url("/"), new OkHttpClient(), Auth.none(), time, RetryPolicy.builder().maxRetries(0).build());
    return new LoginTokenProvider(t, "paid@example.com", "paid-password");
  }

  void enqueueLogin(String name, Duration lifetime) {
    long exp = time.now().plus(lifetime).getEpochSecond();
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"sub\":\"" + name + "\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"eyJhbGciOiJub25lIn0." + payload + ".sig\",\"token_type\":\"bearer\"}").build());
  }

  @Test
  void hourLongToken_isRenewedOneMinuteBeforeItExpires() {
    LoginTokenProvider p = provider();
    enqueueLogin("first", Duration.ofHours(1));
    String first = p.token();
    time.advance(Duration.ofMinutes(58).plusSeconds(59));
    assertThat(p.token()).isEqualTo(first);
    enqueueLogin("second", Duration.ofHours(1));
    time.advance(Duration.ofSeconds(1));
    assertThat(p.token()).isNotEqualTo(first);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void shortLivedToken_isRenewedAtHalfItsLife_beforeItExpires() {
    LoginTokenProvider p = provider();
    enqueueLogin("first", Duration.ofSeconds(30));
    String first = p.token();
    time.advance(Duration.ofSeconds(14));
    assertThat(p.token()).isEqualTo(first);
    enqueueLogin("second", Duration.ofSeconds(30));
    time.advance(Duration.ofSeconds(1));
    assertThat(p.token()).isNotEqualTo(first);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
