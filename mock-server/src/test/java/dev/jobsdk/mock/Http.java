package dev.jobsdk.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real OkHttp client against a running mock server, for tests. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  /** No transparent retries: tests must see every fault as a client would without them. */
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final MediaType FORM_TYPE = MediaType.get("application/x-www-form-urlencoded");

  private final String baseUrl;

  Http(MockJobServer server) {
    this(server.baseUrl());
  }

  Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** One response, read fully. */
  record Reply(int status, okhttp3.Headers headers, String contentType, String body) {
    JsonNode json() {
      return parse(body);
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  Reply post(String path, String json, String... headers) {
    return send("POST", path, json == null ? RequestBody.create(new byte[0], null) : RequestBody.create(json, JSON_TYPE),
        headers);
  }

  Reply postForm(String path, String form, String... headers) {
    return send("POST", path, RequestBody.create(form, FORM_TYPE), headers);
  }

  Reply delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  Reply send(String method, String path, RequestBody body, String... headers) {
    try (Response response = call(method, path, body, headers)) {
      return new Reply(response.code(), response.headers(), response.header("Content-Type"),
          response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw call, for tests that need to see an IOException or read the body themselves. */
  Response call(String method, String path, RequestBody body, String... headers) throws IOException {
    Request.Builder request = new Request.Builder().url(baseUrl + path).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.newCall(request.build()).execute();
  }

  /** The payload of a JWT. */
  static JsonNode jwtPayload(String token) {
    String[] parts = token.split("\\.");
    return parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }
}
