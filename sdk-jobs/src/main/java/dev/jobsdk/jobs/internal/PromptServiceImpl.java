package dev.jobsdk.jobs.internal;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.jobs.Job;
import dev.jobsdk.jobs.PromptContext;
import dev.jobsdk.jobs.PromptPreviewRequest;
import dev.jobsdk.jobs.PromptService;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/admin/prompts/preview}. */
public final class PromptServiceImpl implements PromptService {
  static final String PREVIEW = "/api/admin/prompts/preview";

  private final ClientRuntime runtime;
  private final JobServiceImpl jobs;

  /**
   * Creates the service.
   *
   * @param runtime the client's runtime
   * @param jobs the job service the returned handles poll through
   */
  public PromptServiceImpl(ClientRuntime runtime, JobServiceImpl jobs) {
    this.runtime = runtime;
    this.jobs = jobs;
  }

  @Override
  public JobHandle<Job, Job> preview(PromptPreviewRequest request) {
    Checks.notNull(request, "request");
    ApiRequest post = ApiRequest.post(PREVIEW).json(body(request));
    return jobs.handle(JobIds.parse(runtime.transport().tree(post), "POST " + PREVIEW));
  }

  /** The request body: only the fields the server's DTO declares (it rejects any other). */
  static Map<String, Object> body(PromptPreviewRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("systemPrompt", request.systemPrompt());
    body.put("userPromptTemplate", request.userPromptTemplate());
    if (!request.variables().isEmpty()) {
      body.put("variables", request.variables());
    }
    request
        .context()
        .filter(c -> !c.isEmpty())
        .ifPresent(c -> body.put("context", context(c)));
    return body;
  }

  private static Map<String, Object> context(PromptContext context) {
    Map<String, Object> json = new LinkedHashMap<>();
    context.persona().ifPresent(p -> json.put("persona", p));
    if (!context.sources().isEmpty()) {
      json.put("sources", context.sources());
    }
    context.constraints().ifPresent(c -> json.put("constraints", c));
    context.guardrails().ifPresent(g -> json.put("guardrails", g));
    return json;
  }

  @Override
  public String toString() {
    return "PromptService";
  }
}
