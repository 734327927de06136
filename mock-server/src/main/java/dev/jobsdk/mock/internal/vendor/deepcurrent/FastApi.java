package dev.jobsdk.mock.internal.vendor.deepcurrent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.internal.ApiError;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.util.UUID;

/**
 * DeepCurrent's FastAPI conventions, shared by its resources: {@code {"detail": ...}} errors, 422 with
 * pydantic-style issues ({@code loc}, {@code msg}, {@code type}), and the checks that produce them.
 */
final class FastApi {

  private FastApi() {
  }

  static HttpResponse detail(int status, String detail) {
    return Json.response(status, Json.object().put("detail", detail));
  }

  static HttpResponse methodNotAllowed() {
    return detail(405, "Method Not Allowed");
  }

  static ApiError error(int status, String detail) {
    return new ApiError(detail(status, detail));
  }

  static ApiError unauthorized(String detail) {
    return new ApiError(detail(401, detail).header("WWW-Authenticate", "Bearer"));
  }

  static ObjectNode issue(String type, String msg, Object... loc) {
    ObjectNode issue = Json.object();
    ArrayNode path = issue.putArray("loc");
    for (Object part : loc) {
      if (part instanceof Integer i) {
        path.add(i);
      } else {
        path.add(String.valueOf(part));
      }
    }
    return issue.put("msg", msg).put("type", type);
  }

  static void failValidation(ArrayNode issues) {
    if (!issues.isEmpty()) {
      throw unprocessable(issues);
    }
  }

  static ApiError unprocessable(ArrayNode issues) {
    ObjectNode body = Json.object();
    body.set("detail", issues);
    return new ApiError(Json.response(422, body));
  }

  static ObjectNode jsonBody(HttpRequest request) {
    JsonNode body = Json.parse(request.body());
    if (body instanceof ObjectNode object) {
      return object;
    }
    ArrayNode issues = Json.array();
    if (body != null) {
      issues.add(issue("model_attributes_type", "Input should be a valid dictionary or object to extract fields from",
          "body"));
    } else if (request.body().length == 0) {
      issues.add(issue("missing", "Field required", "body"));
    } else {
      issues.add(issue("json_invalid", "JSON decode error", "body"));
    }
    throw unprocessable(issues);
  }

  static boolean present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  static void requireObjectIfPresent(ObjectNode body, String field, ArrayNode issues) {
    if (present(body, field) && !body.get(field).isObject()) {
      issues.add(issue("dict_type", "Input should be a valid dictionary", "body", field));
    }
  }

  static void requireUuidIfPresent(ObjectNode body, String field, ArrayNode issues) {
    if (present(body, field) && !(body.get(field).isTextual() && Validation.isUuid(body.get(field).textValue()))) {
      issues.add(issue("uuid_parsing", "Input should be a valid UUID", "body", field));
    }
  }
}
