package dev.jobsdk.mock.internal.vendor.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.internal.ApiError;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.vendor.Validation;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The Risk tool's NestJS error envelope {@code {statusCode, error, message, timestamp, path}} and its
 * ValidationPipe: unknown properties are errors, problems are listed as a {@code message} array.
 */
final class Envelope {

  static final String NOT_A_UUID = "Validation failed (uuid is expected)";

  private final Engine engine;

  Envelope(Engine engine) {
    this.engine = engine;
  }

  HttpResponse response(int status, JsonNode message, HttpRequest request, String code) {
    ObjectNode body = Json.object().put("statusCode", status).put("error", errorName(status));
    body.set("message", message);
    body.put("timestamp", Json.isoMillis(engine.now())).put("path", request.target());
    if (code != null) {
      body.put("code", code);
    }
    return Json.response(status, body);
  }

  HttpResponse response(int status, String message, HttpRequest request) {
    return response(status, text(message), request, null);
  }

  ApiError error(int status, String message, HttpRequest request) {
    return new ApiError(response(status, text(message), request, null));
  }

  static JsonNode text(String message) {
    return Json.MAPPER.getNodeFactory().textNode(message);
  }

  static String errorName(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 422 -> "UNPROCESSABLE_ENTITY";
      case 429 -> "TOO_MANY_REQUESTS";
      case 500 -> "INTERNAL_SERVER_ERROR";
      case 502 -> "BAD_GATEWAY";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> "ERROR_" + status;
    };
  }

  /** A request body and the problems the ValidationPipe finds in it. */
  final class Body {
    final ObjectNode json;
    private final HttpRequest request;
    private final List<String> problems = new ArrayList<>();

    private Body(ObjectNode json, HttpRequest request) {
      this.json = json;
      this.request = request;
    }

    String text(String field) {
      return Json.text(json, field);
    }

    void problem(String message) {
      problems.add(message);
    }

    /** class-validator's {@code @IsString() @IsNotEmpty() @MaxLength(max)} (max 0: none). */
    String string(String field, int maxLength, boolean notEmpty) {
      JsonNode value = json.get(field);
      if (value == null || !value.isTextual()) {
        if (maxLength > 0) {
          problem(field + " must be shorter than or equal to " + maxLength + " characters");
        }
        if (notEmpty) {
          problem(field + " should not be empty");
        }
        problem(field + " must be a string");
        return null;
      }
      String text = value.textValue();
      if (maxLength > 0 && text.length() > maxLength) {
        problem(field + " must be shorter than or equal to " + maxLength + " characters");
      }
      if (notEmpty && text.isEmpty()) {
        problem(field + " should not be empty");
      }
      return text;
    }

    /** class-validator's {@code @MinLength(min)} on a string. */
    String minLength(String field, int min) {
      JsonNode value = json.get(field);
      String text = value != null && value.isTextual() ? value.textValue() : null;
      if (text == null || text.length() < min) {
        problem(field + " must be longer than or equal to " + min + " characters");
        if (text == null) {
          problem(field + " must be a string");
        }
      }
      return text;
    }

    /** class-validator's {@code @IsInt() @Min(min) @Max(max)}. */
    long integer(String field, long min, long max) {
      JsonNode value = json.get(field);
      if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
        problem(field + " must not be greater than " + max);
        problem(field + " must not be less than " + min);
        problem(field + " must be an integer number");
        return 0;
      }
      long n = value.longValue();
      if (n > max) {
        problem(field + " must not be greater than " + max);
      }
      if (n < min) {
        problem(field + " must not be less than " + min);
      }
      return n;
    }

    /** Ends the request with 400 and the problems found, if any. */
    void validate() {
      if (!problems.isEmpty()) {
        throw new ApiError(response(400, Json.array(problems), request, null));
      }
    }
  }

  /**
   * Parses a body as the NestJS ValidationPipe sees it: unknown properties are problems.
   *
   * @param request the request
   * @param allowed the DTO's properties
   * @return the body; call {@link Body#validate()} after the field checks
   */
  Body body(HttpRequest request, Set<String> allowed) {
    JsonNode parsed = request.body().length == 0 ? Json.object() : Json.parse(request.body());
    if (parsed == null) {
      throw error(400, "Unexpected token in JSON at position 0", request);
    }
    Body body = new Body(parsed instanceof ObjectNode object ? object : Json.object(), request);
    for (Iterator<String> names = body.json.fieldNames(); names.hasNext();) {
      String name = names.next();
      if (!allowed.contains(name)) {
        body.problem("property " + Validation.printable(name, 64)
            + " should not exist");
      }
    }
    return body;
  }
}
