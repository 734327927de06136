package dev.jobsdk.deepidv.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.deepidv.AsyncJob;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Tests build answers as JSON trees; the parser reads them as the bytes a server would send. */
final class TreeParse {
  private TreeParse() {}

  static <R> AsyncJob<R> parse(JsonNode body, Class<R> resultType, String where) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return AsyncJobParser.parse(bytes, StandardCharsets.UTF_8, resultType, () -> where);
  }
}
