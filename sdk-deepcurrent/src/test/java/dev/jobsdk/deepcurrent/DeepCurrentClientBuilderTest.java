package dev.jobsdk.deepcurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.Backoff;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.TokenProvider;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeepCurrentClientBuilderTest {
  private static final String SECRET_KEY = "dc_live_3f9a7c1e5b2d4a6f";

  @Test
  void build_noCredential_throwsIllegalState() {
    assertThatThrownBy(() -> DeepCurrentClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credential is required");
  }

  @Test
  void build_twoCredentials_throwsIllegalState() {
    TokenProvider provider = () -> "jwt";
    assertThatThrownBy(
            () -> DeepCurrentClient.builder().apiKey(SECRET_KEY).tokenProvider(provider).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only one credential");
    assertThatThrownBy(
            () -> DeepCurrentClient.builder().apiKey(SECRET_KEY).login("a@b.c", "pw").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> DeepCurrentClient.builder().tokenProvider(provider).login("a@b.c", "pw").build())
        .isInstanceOf(IllegalStateException.class);
  }

  /** A JWT as {@code POST /api/v1/login/access-token} issues it (unsigned test token). */
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTEiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl";

  @Test
  void apiKey_withoutDcPrefix_rejectedBySetter_withoutEchoingTheKey() {
    String notDc = "sk_live_very_secret_value";
    assertThatThrownBy(() -> DeepCurrentClient.builder().apiKey(notDc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dc_")
        .hasMessageNotContaining(notDc)
        .hasMessageNotContaining("very_secret");
    assertThatThrownBy(() -> DeepCurrentClient.builder().apiKey("dc_"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeepCurrentClient.builder().apiKey("dc_abc def"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc def");
    assertThatThrownBy(() -> DeepCurrentClient.builder().apiKey(JWT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accessToken(..)")
        .hasMessageNotContaining(JWT);
  }

  @Test
  void accessToken_acceptsAJwt_andRejectsAnythingElseWithoutEchoingIt() {
    try (DeepCurrentClient client = DeepCurrentClient.builder().accessToken(JWT).build()) {
      assertThat(client.toString()).contains("accessToken").doesNotContain(JWT);
    }
    assertThatThrownBy(() -> DeepCurrentClient.builder().accessToken(SECRET_KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey(..)")
        .hasMessageNotContaining(SECRET_KEY);
    assertThatThrownBy(() -> DeepCurrentClient.builder().accessToken("not.a jwt.x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeepCurrentClient.builder().accessToken(JWT).apiKey(SECRET_KEY).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only one credential");
  }

  @Test
  void fromEnv_readsAnAccessToken_andRefusesEitherKindInTheOtherVariable() {
    try (DeepCurrentClient client =
        DeepCurrentClient.builder()
            .fromEnv(Map.of(DeepCurrentClient.ACCESS_TOKEN_ENV, JWT)::get)
            .build()) {
      assertThat(client.toString()).contains("accessToken");
    }
    assertThatThrownBy(
            () -> DeepCurrentClient.builder().fromEnv(Map.of(DeepCurrentClient.API_KEY_ENV, JWT)::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(DeepCurrentClient.ACCESS_TOKEN_ENV)
        .hasMessageNotContaining(JWT);
    assertThatThrownBy(
            () ->
                DeepCurrentClient.builder()
                    .fromEnv(Map.of(DeepCurrentClient.ACCESS_TOKEN_ENV, SECRET_KEY)::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(DeepCurrentClient.ACCESS_TOKEN_ENV)
        .hasMessageNotContaining(SECRET_KEY);
    assertThatThrownBy(
            () ->
                DeepCurrentClient.builder()
                    .fromEnv(
                        Map.of(
                                DeepCurrentClient.ACCESS_TOKEN_ENV, JWT,
                                DeepCurrentClient.API_KEY_ENV, SECRET_KEY)
                            ::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void setters_nullOrBlank_rejectedNamingTheParameter() {
    DeepCurrentClient.Builder b = DeepCurrentClient.builder();
    assertThatThrownBy(() -> b.apiKey(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> b.apiKey(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.tokenProvider(null)).hasMessageContaining("tokenProvider");
    assertThatThrownBy(() -> b.login(null, "pw")).hasMessageContaining("email");
    assertThatThrownBy(() -> b.login("a@b.c", "")).hasMessageContaining("password");
    assertThatThrownBy(() -> b.baseUrl("")).hasMessageContaining("baseUrl");
  }

  @Test
  void toString_clientAndBuilder_neverShowTheCredential() {
    DeepCurrentClient.Builder b = DeepCurrentClient.builder().apiKey(SECRET_KEY);
    assertThat(b.toString()).contains("apiKey").doesNotContain(SECRET_KEY);
    try (DeepCurrentClient client = b.build()) {
      assertThat(client.toString())
          .contains("https://api.deepcurrent.app")
          .contains("apiKey")
          .doesNotContain(SECRET_KEY);
    }
    DeepCurrentClient.Builder login =
        DeepCurrentClient.builder().login("ops@acme.com", "hunter2-password");
    assertThat(login.toString()).doesNotContain("hunter2-password");
    try (DeepCurrentClient client = login.build()) {
      assertThat(client.toString()).contains("login").doesNotContain("hunter2-password");
    }
  }

  @Test
  void fromEnv_readsKeyAndBaseUrl() {
    Map<String, String> env =
        Map.of(
            DeepCurrentClient.API_KEY_ENV, SECRET_KEY,
            DeepCurrentClient.BASE_URL_ENV, "http://localhost:8080");
    try (DeepCurrentClient client = DeepCurrentClient.builder().fromEnv(env::get).build()) {
      assertThat(client.toString()).contains("http://localhost:8080").doesNotContain(SECRET_KEY);
    }
  }

  @Test
  void fromEnv_withoutBaseUrl_usesProduction() {
    Map<String, String> env = Map.of(DeepCurrentClient.API_KEY_ENV, SECRET_KEY);
    try (DeepCurrentClient client = DeepCurrentClient.builder().fromEnv(env::get).build()) {
      assertThat(client.toString()).contains(DeepCurrentClient.DEFAULT_BASE_URL);
    }
  }

  @Test
  void fromEnv_keyMissing_throwsNamingTheVariable() {
    assertThatThrownBy(() -> DeepCurrentClient.builder().fromEnv(Map.<String, String>of()::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DEEPCURRENT_API_KEY");
  }

  @Test
  void baseUrl_documentedFormWithApiV1_isAccepted() {
    try (DeepCurrentClient client =
        DeepCurrentClient.builder()
            .apiKey(SECRET_KEY)
            .baseUrl("https://api.deepcurrent.app/api/v1/")
            .build()) {
      assertThat(client.toString()).contains("baseUrl=https://api.deepcurrent.app,");
    }
  }

  @Test
  void baseUrl_plainHttpToARemoteHost_rejected() {
    assertThatThrownBy(
            () ->
                DeepCurrentClient.builder()
                    .apiKey(SECRET_KEY)
                    .baseUrl("http://api.deepcurrent.app")
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultPollingPolicy_suitsJobsThatRunForMinutes() {
    PollingPolicy p = DeepCurrentClient.DEFAULT_POLLING_POLICY;
    try (DeepCurrentClient client = DeepCurrentClient.builder().apiKey(SECRET_KEY).build()) {
      assertThat(client.pollingPolicy()).isSameAs(p);
      assertThat(client.baseUrl()).isEqualTo(DeepCurrentClient.DEFAULT_BASE_URL);
    }
    PollingPolicy mine = p.toBuilder().totalTimeout(Duration.ofMinutes(5)).build();
    try (DeepCurrentClient client =
        DeepCurrentClient.builder().apiKey(SECRET_KEY).pollingPolicy(mine).build()) {
      assertThat(client.pollingPolicy()).isSameAs(mine);
    }
    assertThat(p.initialDelay()).isZero();
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.multiplier()).isEqualTo(1.5);
    assertThat(p.maxInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.backoff())
        .isEqualTo(
            Backoff.progressAware(
                Backoff.exponential(Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30), PollingPolicy.Jitter.EQUAL),
                Duration.ofSeconds(2)));
    assertThat(p.totalTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(p.jitter()).isEqualTo(PollingPolicy.Jitter.EQUAL);
  }
}
