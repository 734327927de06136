package dev.jobsdk.mock.internal;

import java.time.Instant;

/**
 * What a job looks like at one instant, computed from its lifecycle and the clock.
 *
 * @param phase the neutral phase
 * @param percent progress 0-100
 * @param stageIndex the current stage (the last one once finished), -1 while pending
 * @param createdAt when the job was created
 * @param startedAt when the first attempt started, or {@code null}
 * @param updatedAt the last change at or before now
 * @param completedAt when it reached a terminal phase, or {@code null}
 * @param attempts attempts started so far
 * @param error the failure message, or {@code null}
 */
public record JobView(Phase phase, int percent, int stageIndex, Instant createdAt, Instant startedAt,
    Instant updatedAt, Instant completedAt, int attempts, String error) {
}
