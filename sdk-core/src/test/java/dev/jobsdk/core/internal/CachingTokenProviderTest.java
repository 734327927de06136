package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.testing.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingTokenProviderTest {
  final VirtualScheduler time = VirtualScheduler.create();
  final List<String> fetches = new ArrayList<>();

  final CachingTokenProvider provider =
      new CachingTokenProvider(time.clock(), Duration.ofSeconds(60)) {
        int n;
        @Override
        protected IssuedToken fetch(IssuedToken previous) {
          n++;
          fetches.add(previous == null ? "login" : "refresh:" + previous.refreshToken());
          return new IssuedToken("tok-" + n, time.now().plus(Duration.ofHours(1)), "ref-" + n);
        }
      };

  @Test
  void token_isCachedUntilShortlyBeforeExpiry() {
    assertThat(provider.token()).isEqualTo("tok-1");
    time.advance(Duration.ofMinutes(58));
    assertThat(provider.token()).isEqualTo("tok-1");
    time.advance(Duration.ofMinutes(1));
    assertThat(provider.token()).isEqualTo("tok-2");
    assertThat(fetches).containsExactly("login", "refresh:ref-1");
  }

  @Test
  void shortLivedTokens_areRenewedAtHalfTheirLifetime_notOnEveryRequest() {
    List<String> issued = new ArrayList<>();
    CachingTokenProvider shortLived =
        new CachingTokenProvider(time.clock(), Duration.ofSeconds(60)) {
          @Override
          protected IssuedToken fetch(IssuedToken previous) {
            issued.add("t" + issued.size());
            return new IssuedToken("t" + (issued.size() - 1), time.now().plusSeconds(40), null);
          }
        };
    assertThat(shortLived.token()).isEqualTo("t0");
    time.advance(Duration.ofSeconds(19));
    assertThat(shortLived.token()).isEqualTo("t0");
    time.advance(Duration.ofSeconds(1));
    assertThat(shortLived.token()).isEqualTo("t1");
    assertThat(issued).hasSize(2);
  }

  @Test
  void invalidate_replacesOnlyTheRejectedToken() {
    String first = provider.token();
    provider.invalidate("some-older-token");
    assertThat(provider.token()).isEqualTo(first);
    provider.invalidate(first);
    assertThat(provider.token()).isEqualTo("tok-2");
    assertThat(fetches).containsExactly("login", "refresh:ref-1");
  }

  @Test
  void jwtExpiry_isReadFromTheExpClaim() {
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"sub\":\"u\",\"exp\":1767229200}".getBytes(StandardCharsets.UTF_8));
    assertThat(Jwt.expiry("eyJhbGciOiJub25lIn0." + payload + ".sig")).contains(Instant.ofEpochSecond(1767229200));
    assertThat(Jwt.expiry("dc_not_a_jwt")).isEmpty();
    assertThat(Jwt.expiry("a.%%%.c")).isEmpty();
    assertThat(provider.toString()).doesNotContain("tok-");
  }
}
