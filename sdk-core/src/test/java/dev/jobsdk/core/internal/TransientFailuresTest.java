package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.ApiConnectionException;
import dev.jobsdk.core.InvalidResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which failures a wait polls through and the transport retries: the code's answer, and the
 * README's sentence about it, must be the same.
 */
class TransientFailuresTest {
  private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private static Set<Integer> retryableStatuses() {
    Set<Integer> retryable = new TreeSet<>();
    for (int status = 400; status < 600; status++) {
      if (ErrorMapper.map(status, "GET", "/x", name -> null, "", Clock.systemUTC()).isRetryable()) {
        retryable.add(status);
      }
    }
    return retryable;
  }

  @Test
  void errorStatuses_onlyTheDocumentedOnesAreTransient() {
    assertThat(retryableStatuses()).isEqualTo(new TreeSet<>(TRANSIENT_STATUSES));
  }

  @Test
  void connectionFailuresAndUnreadableAnswers_areTransient() {
    assertThat(new ApiConnectionException("reset", new IOException("reset"), false).isRetryable())
        .isTrue();
    assertThat(new InvalidResponseException("not JSON", null).isRetryable()).isTrue();
  }

  @Test
  void readme_listsExactlyTheTransientStatuses() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");
    Matcher sentence =
        Pattern.compile("Transient poll failures \\(([^)]*)\\)").matcher(readme);
    assertThat(sentence.find()).as("README's sentence on transient poll failures").isTrue();
    Set<Integer> listed = new TreeSet<>();
    Matcher status = Pattern.compile("\\b([45]\\d\\d)\\b").matcher(sentence.group(1));
    while (status.find()) {
      listed.add(Integer.parseInt(status.group(1)));
    }
    assertThat(listed).isEqualTo(retryableStatuses());
    assertThat(sentence.group(1)).contains("connection errors").contains("not the expected JSON");
  }
}
