package dev.jobsdk.mock.internal;

import java.time.Duration;

/**
 * Settings of one engine.
 *
 * @param seed the seed of all randomness
 * @param deepIdvJobTtl how long a finished DeepIDV job stays visible
 * @param tokenLifetime lifetime of login tokens (Risk tool expiresIn, DeepCurrent JWTs)
 * @param deepIdvCreatedAtSeconds whether DeepIDV's createdAt is epoch seconds instead of milliseconds
 * @param jobCapacity how many jobs the store keeps
 */
public record EngineConfig(long seed, Duration deepIdvJobTtl, Duration tokenLifetime, boolean deepIdvCreatedAtSeconds,
    int jobCapacity) {
}
