package dev.jobsdk.deepidv;

import dev.jobsdk.core.NotFoundException;
import java.util.Optional;

/**
 * A job that was known to exist answered 404: DeepIDV keeps async jobs only for a limited time
 * (a TTL the vendor does not publish) and then forgets them, results included. Thrown by a wait
 * that had already seen the job, and by every call of a handle returned for a job this client
 * created.
 *
 * <p>It is a {@link NotFoundException}, so code that handles 404s generically keeps working; catch
 * this type to tell an expired job from a wrong id. Fetch results promptly once a job is ready.
 */
public class JobExpiredException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final transient AsyncJob<?> lastSeen;

  /**
   * Creates the exception from the 404 that revealed the expiry.
   *
   * @param notFound the 404, whose details this exception keeps
   * @param jobId the expired job's id
   * @param lastSeen the last state of the job seen before the 404, or null if only its creation
   *     was seen
   */
  public JobExpiredException(NotFoundException notFound, String jobId, AsyncJob<?> lastSeen) {
    super(notFound.details());
    this.jobId = jobId;
    this.lastSeen = lastSeen;
    initCause(notFound);
  }

  /**
   * Returns the expired job's id.
   *
   * @return the id
   */
  public String jobId() {
    return jobId;
  }

  /**
   * Returns the last state of the job seen before it expired, for example an {@link
   * AsyncJob.Ready} whose result was not fetched in time.
   *
   * @return the job as last seen, or empty if only its creation was seen
   */
  public Optional<AsyncJob<?>> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }

  /**
   * Says that the job expired, what it was last seen as, and what the server answered.
   *
   * @return the message
   */
  @Override
  public String getMessage() {
    return "Job "
        + jobId
        + " has expired: it answered 404 after it had been seen"
        + (lastSeen == null ? "" : " (last status " + lastSeen.rawStatus() + ")")
        + ". DeepIDV deletes async jobs after a retention period; fetch results promptly once a"
        + " job is ready. ("
        + super.getMessage()
        + ")";
  }
}
