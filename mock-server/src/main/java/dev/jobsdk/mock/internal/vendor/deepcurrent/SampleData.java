package dev.jobsdk.mock.internal.vendor.deepcurrent;

import java.util.Locale;
import java.util.SplittableRandom;

/** Invented names and words the mock fills results with. */
final class SampleData {

  static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
    "Frances", "John", "Radia", "Tim", "Katherine", "Donald", "Edsger", "Hedy"};
  static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov",
    "Thompson", "Allen", "Backus", "Perlman", "Lee", "Johnson", "Knuth", "Dijkstra", "Lamarr"};
  static final String[] TITLES = {"Head of Operations", "VP Sales", "Chief Technology Officer",
    "Procurement Manager", "Founder", "Director of Marketing", "Head of Partnerships", "COO"};
  static final String[] COMPANIES = {"Acme Robotics", "Globex Analytics", "Initech Labs", "Umbrella Logistics",
    "Stark Materials", "Wayne Freight"};

  private SampleData() {
  }

  static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Lower-case letters and digits, words joined by {@code -}. */
  static String slug(String name) {
    StringBuilder sb = new StringBuilder();
    boolean dash = false;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (dash && sb.length() > 0) {
          sb.append('-');
        }
        sb.append(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return sb.length() == 0 ? "company" : sb.toString();
  }

  /** A domain under the reserved {@code .example} top-level domain. */
  static String domain(String company) {
    return slug(company) + ".example";
  }
}
