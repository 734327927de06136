package dev.jobsdk.deepidv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources of this module. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Reads a test resource as text.
   *
   * @param name the resource name
   * @return its text
   */
  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a test resource as JSON.
   *
   * @param name the resource name
   * @return the tree
   */
  public static JsonNode json(String name) {
    try {
      return Json.MAPPER.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid request. */
  public static AdverseMediaRequest request() {
    return AdverseMediaRequest.builder()
        .email("jane.doe@example.com")
        .firstName("Jane")
        .lastName("Doe")
        .dateOfBirth("1985-04-12")
        .country("ca")
        .build();
  }
}
