package dev.jobsdk.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGlobTest {

  @Test
  void starMatchesOneSegment_doubleStarAnyNumber() {
    assertThat(PathGlob.compile("/v1/async-jobs/*").matches("/v1/async-jobs/abc")).isTrue();
    assertThat(PathGlob.compile("/v1/async-jobs/*").matches("/v1/async-jobs/abc/x")).isFalse();
    assertThat(PathGlob.compile("/v1/async-jobs/*").matches("/v1/async-jobs")).isFalse();
    assertThat(PathGlob.compile("/api/**").matches("/api")).isTrue();
    assertThat(PathGlob.compile("/api/**").matches("/api/v1/bd/jobs/1/result")).isTrue();
    assertThat(PathGlob.compile("/api/**/result").matches("/api/v1/bd/jobs/1/result")).isTrue();
    assertThat(PathGlob.compile("/api/**/result").matches("/api/v1/bd/jobs/1")).isFalse();
    assertThat(PathGlob.compile("/**").matches("/")).isTrue();
    assertThat(PathGlob.split("/a/b/")).containsExactly("a", "b", "");
  }
}
