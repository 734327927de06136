package dev.jobsdk.deepidv.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.Transport;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.ScreeningJob;
import dev.jobsdk.deepidv.ScreeningService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ScreeningService} over {@code POST /v1/screening/adverse-media}. */
public final class ScreeningServiceImpl implements ScreeningService {
  private static final String ADVERSE_MEDIA = "/v1/screening/adverse-media";

  private final ClientRuntime runtime;
  private final AsyncJobServiceImpl asyncJobs;

  /**
   * Creates the service.
   *
   * @param runtime the client's runtime
   * @param asyncJobs the async-jobs service that polls the created jobs
   */
  public ScreeningServiceImpl(ClientRuntime runtime, AsyncJobServiceImpl asyncJobs) {
    this.runtime = runtime;
    this.asyncJobs = asyncJobs;
  }

  @Override
  public AdverseMediaScreening adverseMedia(AdverseMediaRequest request) {
    Checks.notNull(request, "request");
    return create(request, UUID.randomUUID().toString());
  }

  @Override
  public AdverseMediaScreening adverseMedia(AdverseMediaRequest request, String idempotencyKey) {
    Checks.notNull(request, "request");
    return create(request, checkKey(idempotencyKey));
  }

  private AdverseMediaScreening create(AdverseMediaRequest request, String idempotencyKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", request.email());
    body.put("firstName", request.firstName());
    body.put("lastName", request.lastName());
    body.put("dateOfBirth", request.dateOfBirth().toString());
    request.country().ifPresent(c -> body.put("country", c));
    // The key is always sent: it is what makes the transport's retry of this POST safe.
    ApiRequest post = ApiRequest.post(ADVERSE_MEDIA).json(body).idempotencyKey(idempotencyKey);
    // 202 (new job) and 200 (replay of the same key) carry the same body; the status tells them apart.
    Transport.Answer answer = runtime.transport().answer(post);
    ScreeningJob created =
        parseCreated(answer.json(), idempotencyKey, answer.status() == 200, post.toString());
    return new AdverseMediaScreeningImpl(
        created, asyncJobs.handleOf(created.jobId(), AdverseMediaResult.class, true));
  }

  static ScreeningJob parseCreated(
      JsonNode answer, String idempotencyKey, boolean replayed, String where) {
    JsonNode jobId = answer == null ? null : answer.get("jobId");
    if (jobId == null || !jobId.isValueNode() || jobId.isNull() || jobId.asText().isBlank()) {
      throw new InvalidResponseException(where + " returned no jobId", null);
    }
    return new ScreeningJob(
        jobId.asText(),
        text(answer.get("status")),
        Optional.ofNullable(text(answer.get("message"))),
        idempotencyKey,
        replayed);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }

  private static String checkKey(String key) {
    Checks.notBlank(key, "idempotencyKey");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            "idempotencyKey must contain only visible ASCII characters (no spaces)");
      }
    }
    return key;
  }

  @Override
  public String toString() {
    return "ScreeningService[" + ADVERSE_MEDIA + "]";
  }
}
