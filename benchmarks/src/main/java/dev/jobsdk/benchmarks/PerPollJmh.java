package dev.jobsdk.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jobsdk.core.JsonValue;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.deepidv.internal.AsyncJobParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JMH half of {@code per-poll}: one DeepIDV poll ({@code GET /v1/async-jobs/{id}}) over
 * loopback against the standalone mock, through the SDK and hand-written with OkHttp and Jackson,
 * and the decoding of the same bytes alone. The server and job come in as system properties.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerPollJmh {

  /** The same fields the SDK's AsyncJob keeps, as a plain record for Jackson. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AsyncJobRecord(String jobId, String status, Instant createdAt, Instant updatedAt,
      JsonNode result, JsonNode error) {}

  static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The client, the hand-written equivalent and the body bytes, per benchmark thread. */
  @State(Scope.Thread)
  public static class Poll {
    String baseUrl;
    String jobId;
    DeepIdvClient client;
    OkHttpClient http;
    Request request;
    byte[] body;

    @Setup(Level.Trial)
    public void start() throws IOException {
      baseUrl = System.getProperty("perpoll.url");
      jobId = System.getProperty("perpoll.job");
      client = DeepIdvClient.builder().baseUrl(baseUrl).apiKey(System.getProperty("perpoll.key")).build();
      http = new OkHttpClient.Builder().build();
      request = new Request.Builder().url(baseUrl + "/v1/async-jobs/" + jobId)
          .header("x-api-key", System.getProperty("perpoll.key")).header("Accept", "application/json").build();
      try (Response r = http.newCall(request).execute()) {
        body = r.body().bytes();
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      client.close();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** One poll through the SDK: request, auth, send, decode into {@link AsyncJob}. */
  @Benchmark
  public AsyncJob<JsonValue> sdkRetrieve(Poll p) {
    return p.client.asyncJobs().retrieve(p.jobId);
  }

  /** The same request by hand: OkHttp, then Jackson straight into a record. */
  @Benchmark
  public AsyncJobRecord handRetrieve(Poll p) throws IOException {
    try (Response r = p.http.newCall(p.request).execute()) {
      if (!r.isSuccessful()) {
        throw new IOException("HTTP " + r.code());
      }
      return PLAIN.readValue(r.body().byteStream(), AsyncJobRecord.class);
    }
  }

  /** The SDK's decoding of the same bytes, as a poll decodes them, into the vendor's AsyncJob. */
  @Benchmark
  public AsyncJob<JsonValue> sdkDecode(Poll p) {
    return AsyncJobParser.parse(p.body, StandardCharsets.UTF_8, JsonValue.class, () -> "GET /v1/async-jobs");
  }

  /** {@code ObjectMapper.readValue} of the same bytes into the record. */
  @Benchmark
  public AsyncJobRecord handDecode(Poll p) throws IOException {
    return PLAIN.readValue(p.body, AsyncJobRecord.class);
  }
}
