package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.internal.Checks;
import java.util.List;

/**
 * A BD job preset: a named pipeline of capabilities. The documented presets are constants; a
 * preset this SDK does not know yet can be sent and received with {@link #of(String)}, and it is
 * kept exactly as spelled.
 *
 * <p>Instances are immutable and compare by {@link #value()}.
 */
public final class BdPreset {
  /** Qualification, company size, contact discovery, email lookup and email verify. */
  public static final BdPreset FULL_PIPELINE = new BdPreset("full_pipeline", true);
  /** Verifies the email addresses already in the input contacts. */
  public static final BdPreset VERIFY_EXISTING_EMAILS = new BdPreset("verify_existing_emails", true);
  /** Sizes the input companies and verifies their email addresses. */
  public static final BdPreset COMPANY_SIZE_AND_EMAIL_VERIFY =
      new BdPreset("company_size_and_email_verify", true);
  /** Finds and enriches contacts at the input companies. */
  public static final BdPreset ENRICH_CONTACTS_FROM_COMPANIES =
      new BdPreset("enrich_contacts_from_companies", true);

  private static final List<BdPreset> KNOWN =
      List.of(
          FULL_PIPELINE,
          VERIFY_EXISTING_EMAILS,
          COMPANY_SIZE_AND_EMAIL_VERIFY,
          ENRICH_CONTACTS_FROM_COMPANIES);

  private final String value;
  private final boolean known;

  private BdPreset(String value, boolean known) {
    this.value = value;
    this.known = known;
  }

  /**
   * Returns the preset with this API value: one of the constants when it is documented, otherwise
   * a new preset that keeps the value as given.
   *
   * @param value the API value, such as {@code full_pipeline}
   * @return the preset
   * @throws IllegalArgumentException if value is null or blank
   */
  public static BdPreset of(String value) {
    Checks.notBlank(value, "preset");
    for (BdPreset p : KNOWN) {
      if (p.value.equals(value)) {
        return p;
      }
    }
    return new BdPreset(value, false);
  }

  /**
   * Returns the documented presets.
   *
   * @return an immutable list of the constants
   */
  public static List<BdPreset> knownValues() {
    return KNOWN;
  }

  /**
   * Returns the preset as the API spells it.
   *
   * @return the value, such as {@code full_pipeline}
   */
  public String value() {
    return value;
  }

  /**
   * Returns whether this is one of the documented presets.
   *
   * @return true for the constants
   */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BdPreset p && p.value.equals(value);
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
