package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.DeepIdvClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsumerTest {

  @Test
  void screeningIsAwaitedAgainstTheStandaloneMockServer() throws Exception {
    Path jar = Path.of(System.getProperty("mockServerJar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process mock = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8))) {
      Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(out.readLine());
      assertTrue(m.find(), "the mock server printed its base URL");
      String baseUrl = m.group(1);

      try (DeepIdvClient client = DeepIdvClient.builder().baseUrl(baseUrl).apiKey("sk_test_org_a").build()) {
        AdverseMediaScreening screening = client.screening().adverseMedia(AdverseMediaRequest.builder()
            .email("jane.doe@example.com").firstName("Jane").lastName("Doe").dateOfBirth("1985-04-12").build());

        // The mock's own admin API (no vendor has it) finishes the job now, so the test waits on no clock.
        HttpResponse<String> forced = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/__mock/jobs/" + screening.id() + "/state"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"ready\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, forced.statusCode(), forced.body());

        AdverseMediaResult result = screening.awaitCompletion();
        assertEquals(9, result.exposuresByCategory().all().size());
        assertTrue(result.riskScore() >= 0 && result.riskScore() <= 100);
      }
    } finally {
      mock.destroy();
    }
  }
}
