package com.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The test class path, as Maven resolved it under Spring Boot's and jobsdk's BOMs, holds one OkHttp
 * line and one Jackson line: every artifact of each group at one version, and one jar with the classes.
 */
class DependencyLinesTest {
  private static final Pattern IN_REPOSITORY = Pattern.compile("/(com/squareup/okhttp3|com/fasterxml/jackson/[a-z.]+)/([^/]+)/([^/]+)/\\2-\\3[^/]*\\.jar");

  /** Group path to the versions of its jars on the class path, read from the local repository layout. */
  static Set<String> versions(String groupPath) throws IOException {
    Set<String> versions = new TreeSet<>();
    for (URL url : Collections.list(DependencyLinesTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
      Matcher m = IN_REPOSITORY.matcher(url.getPath());
      if (m.find() && m.group(1).startsWith(groupPath)) {
        versions.add(m.group(2) + ":" + m.group(3).replaceAll("^(\\d+\\.\\d+).*", "$1"));
      }
    }
    return versions;
  }

  static Set<String> lines(Set<String> artifactVersions) {
    Set<String> lines = new TreeSet<>();
    artifactVersions.forEach(av -> lines.add(av.substring(av.indexOf(':') + 1)));
    return lines;
  }

  @Test
  void oneOkHttpLine() throws IOException {
    Set<String> okhttp = versions("com/squareup/okhttp3");
    System.out.println("OkHttp artifacts: " + okhttp + ", runtime " + OkHttp.VERSION);
    assertEquals(1, lines(okhttp).size(), "OkHttp artifacts at more than one version: " + okhttp);
    assertEquals(1, Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class")).size(),
        "more than one jar has okhttp3.OkHttpClient");
    assertEquals(lines(okhttp).iterator().next(), OkHttp.VERSION.replaceAll("^(\\d+\\.\\d+).*", "$1"));
    new OkHttpClient().dispatcher().executorService().shutdown();
  }

  /** OkHttp 5 and Okio are built on Kotlin 2.1; Spring Boot 3.5 manages kotlin-stdlib down to 1.9. */
  @Test
  void theRequestsOfTheOtherTestsRanOnSpringBootsKotlinStandardLibrary() {
    System.out.println("kotlin-stdlib " + kotlin.KotlinVersion.CURRENT);
    assertEquals("1.9", kotlin.KotlinVersion.CURRENT.getMajor() + "." + kotlin.KotlinVersion.CURRENT.getMinor());
  }

  @Test
  void oneJacksonLine() throws IOException {
    Set<String> jackson = versions("com/fasterxml/jackson");
    System.out.println("Jackson artifacts: " + jackson + ", databind " + new ObjectMapper().version());
    assertEquals(1, lines(jackson).size(), "Jackson artifacts at more than one version: " + jackson);
  }
}
