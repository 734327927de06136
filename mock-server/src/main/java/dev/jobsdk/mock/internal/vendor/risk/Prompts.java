package dev.jobsdk.mock.internal.vendor.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.util.List;
import java.util.Set;

/** The {@code /api/admin/prompts} resource: the AI preview job, for the admin group only. */
final class Prompts {

  private static final int MAX_PROMPT = 50_000;

  private final Envelope envelope;
  private final Users users;
  private final Jobs jobs;

  Prompts(Envelope envelope, Users users, Jobs jobs) {
    this.envelope = envelope;
    this.users = users;
    this.jobs = jobs;
  }

  /** {@code POST /api/admin/prompts/preview}: 202 {@code {"data": {jobId, status: PROCESSING}}}. */
  HttpResponse preview(HttpRequest request, RouteTable.Params params) {
    Users.User user = users.authenticate(request);
    if (!user.admin) {
      throw envelope.error(403, "Admin access required", request);
    }
    Envelope.Body body = envelope.body(request, Set.of("systemPrompt", "userPromptTemplate", "variables", "context"));
    body.string("systemPrompt", MAX_PROMPT, false);
    body.string("userPromptTemplate", MAX_PROMPT, false);
    for (String field : List.of("variables", "context")) {
      JsonNode value = body.json.get(field);
      if (value != null && !value.isNull() && !value.isObject()) {
        body.problem(field + " must be an object");
      }
    }
    body.validate();
    JobRecord job = jobs.create(user.email, "AI_PREVIEW", body.json.deepCopy(), null, null, null);
    ObjectNode response = Json.object();
    response.putObject("data").put("jobId", job.id()).put("status", "PROCESSING");
    return Json.response(202, response);
  }
}
