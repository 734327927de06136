package dev.jobsdk.deepidv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.PollingPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeepIdvClientTest {
  private static final String KEY = "sk_test_secret_123";

  @Test
  void build_withoutApiKey_failsFast() {
    assertThatThrownBy(() -> DeepIdvClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apiKey is required");
  }

  @Test
  void build_defaults_toProductionUrlAndVendorPolicy() {
    try (DeepIdvClient client = DeepIdvClient.builder().apiKey(KEY).build()) {
      assertThat(client.baseUrl()).isEqualTo("https://api.deepidv.com");
      assertThat(client.pollingPolicy()).isEqualTo(DeepIdvClient.DEFAULT_POLLING_POLICY);
    }
  }

  @Test
  void defaultPollingPolicy_followsTheVendorsTwoToFiveSecondAdvice() {
    PollingPolicy p = DeepIdvClient.DEFAULT_POLLING_POLICY;

    assertThat(p.initialDelay()).isZero();
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.multiplier()).isEqualTo(1.5);
    assertThat(p.maxInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.totalTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.unknownStatus()).isEqualTo(PollingPolicy.UnknownStatus.KEEP_POLLING);
  }

  @Test
  void toString_ofClientAndBuilder_neverShowsTheKey() {
    DeepIdvClient.Builder builder = DeepIdvClient.builder().apiKey(KEY);
    try (DeepIdvClient client = builder.build()) {
      assertThat(client.toString()).doesNotContain(KEY).contains("api.deepidv.com", "apiKey=");
      assertThat(builder.toString()).doesNotContain(KEY).contains("apiKey=");
    }
  }

  @Test
  void apiKey_withLineBreakOrSpace_isRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> DeepIdvClient.builder().apiKey("sk_test_abc\ninjected"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("apiKey ")
        .hasMessageNotContaining("sk_test_abc");
    assertThatThrownBy(() -> DeepIdvClient.builder().apiKey("sk test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sk test");
    assertThatThrownBy(() -> DeepIdvClient.builder().apiKey("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey must not be blank");
  }

  @Test
  void fromEnv_readsKeyAndBaseUrl() {
    Map<String, String> env =
        Map.of("DEEPIDV_API_KEY", KEY, "DEEPIDV_BASE_URL", "https://sandbox.example.com");

    try (DeepIdvClient client = DeepIdvClient.builder().fromEnv(env::get).build()) {
      assertThat(client.baseUrl()).isEqualTo("https://sandbox.example.com");
      assertThat(client.toString()).doesNotContain(KEY);
    }
  }

  @Test
  void fromEnv_withoutBaseUrl_usesTheDefault() {
    Map<String, String> env = Map.of("DEEPIDV_API_KEY", KEY, "DEEPIDV_BASE_URL", " ");

    try (DeepIdvClient client = DeepIdvClient.builder().fromEnv(env::get).build()) {
      assertThat(client.baseUrl()).isEqualTo(DeepIdvClient.DEFAULT_BASE_URL);
    }
  }

  @Test
  void fromEnv_withoutKey_saysWhichVariableIsMissing() {
    assertThatThrownBy(() -> DeepIdvClient.builder().fromEnv(Map.<String, String>of()::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("DEEPIDV_API_KEY is not set");
  }

  @Test
  void fromEnv_withMalformedKey_failsWithoutEchoingIt() {
    Map<String, String> env = Map.of("DEEPIDV_API_KEY", "sk_live_x y");

    assertThatThrownBy(() -> DeepIdvClient.builder().fromEnv(env::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("DEEPIDV_API_KEY is not valid")
        .hasMessageNotContaining("sk_live_x");
  }

  @Test
  void baseUrl_plainHttpOnAPublicHost_isRejected() {
    assertThatThrownBy(
            () -> DeepIdvClient.builder().apiKey(KEY).baseUrl("http://api.deepidv.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
  }
}
