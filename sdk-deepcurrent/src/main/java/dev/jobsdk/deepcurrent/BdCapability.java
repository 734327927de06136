package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.internal.Checks;
import java.util.List;

/**
 * One capability of a BD job, requested instead of a {@link BdPreset} or resolved from one by the
 * planner. The documented capabilities are constants; one this SDK does not know yet can be sent
 * and received with {@link #of(String)}, and it is kept exactly as spelled.
 *
 * <p>Instances are immutable and compare by {@link #value()}.
 */
public final class BdCapability {
  /** Qualifies companies against the ICP. */
  public static final BdCapability QUALIFICATION = new BdCapability("qualification", true);
  /** Finds each company's size. */
  public static final BdCapability COMPANY_SIZE = new BdCapability("company_size", true);
  /** Discovers contacts at the companies. */
  public static final BdCapability CONTACT_DISCOVERY = new BdCapability("contact_discovery", true);
  /** Looks up contacts' email addresses. */
  public static final BdCapability EMAIL_LOOKUP = new BdCapability("email_lookup", true);
  /** Verifies email addresses. */
  public static final BdCapability EMAIL_VERIFY = new BdCapability("email_verify", true);
  /** Enriches contacts from LinkedIn. */
  public static final BdCapability LINKEDIN_ENRICH = new BdCapability("linkedin_enrich", true);
  /** Assembles the deliverable assets. */
  public static final BdCapability DELIVERABLE_FINALIZE =
      new BdCapability("deliverable_finalize", true);

  private static final List<BdCapability> KNOWN =
      List.of(
          QUALIFICATION,
          COMPANY_SIZE,
          CONTACT_DISCOVERY,
          EMAIL_LOOKUP,
          EMAIL_VERIFY,
          LINKEDIN_ENRICH,
          DELIVERABLE_FINALIZE);

  private final String value;
  private final boolean known;

  private BdCapability(String value, boolean known) {
    this.value = value;
    this.known = known;
  }

  /**
   * Returns the capability with this API value: one of the constants when it is documented,
   * otherwise a new capability that keeps the value as given.
   *
   * @param value the API value, such as {@code email_verify}
   * @return the capability
   * @throws IllegalArgumentException if value is null or blank
   */
  public static BdCapability of(String value) {
    Checks.notBlank(value, "capability");
    for (BdCapability c : KNOWN) {
      if (c.value.equals(value)) {
        return c;
      }
    }
    return new BdCapability(value, false);
  }

  /**
   * Returns the documented capabilities.
   *
   * @return an immutable list of the constants
   */
  public static List<BdCapability> knownValues() {
    return KNOWN;
  }

  /**
   * Returns the capability as the API spells it.
   *
   * @return the value, such as {@code email_verify}
   */
  public String value() {
    return value;
  }

  /**
   * Returns whether this is one of the documented capabilities.
   *
   * @return true for the constants
   */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BdCapability c && c.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * Returns the API value.
   *
   * @return the value
   */
  @Override
  public String toString() {
    return value;
  }
}
