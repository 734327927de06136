package dev.jobsdk.jobs;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PermissionDeniedException;

/**
 * Starts prompt previews on the model. Obtain it from {@link JobsClient#prompts()}; thread-safe.
 */
public interface PromptService {

  /**
   * Starts an {@link JobType#AI_PREVIEW} job: {@code POST /api/admin/prompts/preview}. Only
   * members of the server's admin group may call it.
   *
   * <pre>{@code
   * JobHandle<Job, Job> handle = client.prompts().preview(request);
   * AiPreviewResult preview = handle.awaitCompletion().aiPreviewResult().orElseThrow();
   * }</pre>
   *
   * @param request the prompt, validated when it was built
   * @return a handle on the new job, to retrieve or await it
   * @throws IllegalArgumentException if {@code request} is null
   * @throws PermissionDeniedException if the caller is not in the admin group
   */
  JobHandle<Job, Job> preview(PromptPreviewRequest request);
}
