package com.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same service over TLS: an https MockWebServer with a certificate made for the test forwards every
 * request to the mock server, and the application's OkHttpClient bean trusts that certificate.
 */
@SpringBootTest
class TlsScreeningTest {
  static final HeldCertificate CERTIFICATE = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
  static final MockJobServer MOCK = MockJobServer.builder().start();
  static final MockWebServer HTTPS = new MockWebServer();

  static {
    HTTPS.useHttps(new HandshakeCertificates.Builder().heldCertificate(CERTIFICATE).build().sslSocketFactory());
    HTTPS.setDispatcher(new ForwardTo(MOCK.deepIdvBaseUrl()));
    try {
      HTTPS.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void deepIdv(DynamicPropertyRegistry registry) {
    registry.add("deepidv.base-url", () -> "https://localhost:" + HTTPS.getPort());
    registry.add("deepidv.api-key", () -> MockCredentials.DEEPIDV_ORG_A_KEY);
  }

  @AfterAll
  static void stop() {
    HTTPS.close();
    MOCK.close();
  }

  /** What an application does to trust a private CA: its own OkHttpClient bean, handed to the SDK. */
  @TestConfiguration(proxyBeanMethods = false)
  static class TrustTheTestCertificate {
    @Bean
    OkHttpClient okHttpClient() {
      HandshakeCertificates trusted = new HandshakeCertificates.Builder()
          .addTrustedCertificate(CERTIFICATE.certificate()).build();
      return new OkHttpClient.Builder().sslSocketFactory(trusted.sslSocketFactory(), trusted.trustManager()).build();
    }
  }

  @Autowired
  ScreeningService screening;

  @Test
  void theServiceAwaitsAScreeningOverTls() throws Exception {
    MOCK.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ZERO));

    AdverseMediaResult result = screening.screen("jane.doe@example.com", "Jane", "Doe", "1985-04-12");

    assertEquals(9, result.exposuresByCategory().all().size());
    RecordedRequest create = HTTPS.takeRequest();
    assertEquals("POST", create.getMethod());
    assertNotNull(create.getHandshake(), "the request came over TLS");
    assertTrue(create.getHandshake().tlsVersion().javaName().startsWith("TLSv1."));
    assertEquals(MockCredentials.DEEPIDV_ORG_A_KEY, create.getHeaders().get("x-api-key"));
    assertEquals("GET", HTTPS.takeRequest().getMethod());
    assertEquals(1, MOCK.jobs().list().size(), "the requests reached the mock server");
  }

  /** Forwards each request to a plain-http server and returns its answer. */
  static final class ForwardTo extends Dispatcher {
    private final String target;
    private final OkHttpClient http = new OkHttpClient();

    ForwardTo(String target) {
      this.target = target;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Headers.Builder headers = new Headers.Builder();
      for (String name : request.getHeaders().names()) {
        if (!name.startsWith(":") && !name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")
            && !name.equalsIgnoreCase("accept-encoding") && !name.equalsIgnoreCase("connection")) {
          request.getHeaders().values(name).forEach(value -> headers.add(name, value));
        }
      }
      String contentType = request.getHeaders().get("Content-Type");
      RequestBody body = request.getBodySize() > 0 || request.getMethod().equals("POST")
          ? RequestBody.create(request.getBody() == null ? new byte[0] : request.getBody().toByteArray(),
              contentType == null ? null : MediaType.get(contentType))
          : null;
      Request forwarded = new Request.Builder().url(target + request.getTarget()).headers(headers.build())
          .method(request.getMethod(), body).build();
      try (Response response = http.newCall(forwarded).execute()) {
        MockResponse.Builder answer = new MockResponse.Builder().code(response.code());
        for (String name : response.headers().names()) {
          if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
              && !name.equalsIgnoreCase("connection")) {
            response.headers().values(name).forEach(value -> answer.addHeader(name, value));
          }
        }
        return answer.body(response.body().string()).build();
      } catch (IOException e) {
        return new MockResponse.Builder().code(502).body(String.valueOf(e)).build();
      }
    }
  }
}
