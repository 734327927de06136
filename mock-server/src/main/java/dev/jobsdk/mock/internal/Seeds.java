package dev.jobsdk.mock.internal;

import java.util.SplittableRandom;
import java.util.UUID;

/** Derives every random value from the server seed, so the same seed gives the same run. */
public final class Seeds {

  private Seeds() {
  }

  /**
   * Mixes two values into a well-spread seed (SplitMix64 finaliser).
   *
   * @param a a seed
   * @param b a stream or sequence number
   * @return a derived seed
   */
  public static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * @param seed a derived seed
   * @return a random-looking version-4 UUID determined by {@code seed}
   */
  public static UUID uuid(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /**
   * @param random the source
   * @param min the smallest value, inclusive
   * @param max the largest value, inclusive
   * @return a uniformly drawn value
   */
  public static long between(SplittableRandom random, long min, long max) {
    return min + random.nextLong(max - min + 1);
  }

  /**
   * @param random the source
   * @param bytes how many random bytes
   * @return lower-case hex of that many bytes
   */
  public static String hex(SplittableRandom random, int bytes) {
    StringBuilder sb = new StringBuilder(bytes * 2);
    for (int i = 0; i < bytes; i++) {
      int b = random.nextInt(256);
      sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return sb.toString();
  }
}
