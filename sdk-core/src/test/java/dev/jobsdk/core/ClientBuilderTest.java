package dev.jobsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.internal.ClientSettings;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest {
  static final class Builder extends ClientBuilder<Builder> {
    String region;

    ClientSettings build(String defaultUrl) {
      return ClientSettings.of(this, defaultUrl, PollingPolicy.defaults());
    }

    @Override
    protected void applyEnvironment(Function<String, String> environment) {
      region = environment.apply("REGION");
    }
  }

  @Test
  void fromEnv_readsTheGivenEnvironment() {
    assertThat(new Builder().fromEnv(Map.of("REGION", "eu")::get).region).isEqualTo("eu");
  }

  @Test
  void fromEnv_nullEnvironment_isRejectedByName() {
    assertThatThrownBy(() -> new Builder().fromEnv(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment");
  }

  @Test
  void defaultBaseUrl_isUsedWhenNoneIsSet() {
    assertThat(new Builder().build("https://api.example.com").baseUrl()).isEqualTo("https://api.example.com");
  }

  @Test
  void missingBaseUrl_withoutVendorDefault_failsInBuild() {
    assertThatThrownBy(() -> new Builder().build(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://127.8.9.1", "http://[::1]:9000/api", "HTTP://LOCALHOST", "http://app.localhost"})
  void plainHttp_isAllowedForLoopbackHosts(String url) {
    assertThat(new Builder().baseUrl(url).build(null).baseUrl()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://api.example.com", "http://10.0.0.5", "http://localhost.example.com"})
  void plainHttp_isRejectedForOtherHosts_unlessAllowed(String url) {
    assertThatThrownBy(() -> new Builder().baseUrl(url).build(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl must use https");
    assertThat(new Builder().baseUrl(url).allowInsecureHttp(true).build(null).baseUrl()).isEqualTo(url);
  }

  @Test
  void userInfo_isRejected_withoutEchoingIt() {
    assertThatThrownBy(() -> new Builder().baseUrl("https://bob:hunter2@api.example.com").build(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://x.example.com", "api.example.com", "https://", "https://x.example.com/?a=1", "ht tp://x"})
  void malformedBaseUrls_areRejected(String url) {
    assertThatThrownBy(() -> new Builder().baseUrl(url).build(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("baseUrl ");
  }

  @Test
  void badSettings_nameTheParameter() {
    assertThatThrownBy(() -> new Builder().baseUrl(" ")).hasMessage("baseUrl must not be blank");
    assertThatThrownBy(() -> new Builder().baseUrl(null)).hasMessage("baseUrl must not be null");
    assertThatThrownBy(() -> new Builder().readTimeout(Duration.ZERO)).hasMessageStartingWith("readTimeout must be positive");
    assertThatThrownBy(() -> new Builder().maxRetries(-1)).hasMessageStartingWith("maxRetries");
    assertThatThrownBy(() -> new Builder().scheduler(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("scheduler must not be null");
  }
}
