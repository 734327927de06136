package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The aggregated counts of a BD job's result ({@code summary} of {@code GET
 * /api/v1/bd/jobs/{job_id}/result}), such as {@code {"delivered_contacts": 18, "verified_emails":
 * 14, "companies_processed": 2}}. The documented counts are typed; every field as sent, counts the
 * API adds later included, stays in {@link #fields()}.
 *
 * @param deliveredContacts {@code delivered_contacts}: contacts delivered, when sent
 * @param verifiedEmails {@code verified_emails}: email addresses verified, when sent
 * @param companiesProcessed {@code companies_processed}: companies worked through, when sent
 * @param fields the whole summary object as sent (an empty object when none was sent)
 */
public record BdJobSummary(
    Optional<Integer> deliveredContacts,
    Optional<Integer> verifiedEmails,
    Optional<Integer> companiesProcessed,
    JsonValue fields) {

  /** A summary with no counts. */
  public static final BdJobSummary EMPTY =
      new BdJobSummary(
          Optional.empty(), Optional.empty(), Optional.empty(), JsonValue.of(java.util.Map.of()));

  /**
   * Checks the components.
   *
   * @param deliveredContacts see {@link #deliveredContacts()}
   * @param verifiedEmails see {@link #verifiedEmails()}
   * @param companiesProcessed see {@link #companiesProcessed()}
   * @param fields see {@link #fields()}
   * @throws NullPointerException if a component is null (use empty optionals)
   */
  public BdJobSummary {
    Objects.requireNonNull(deliveredContacts, "deliveredContacts");
    Objects.requireNonNull(verifiedEmails, "verifiedEmails");
    Objects.requireNonNull(companiesProcessed, "companiesProcessed");
    Objects.requireNonNull(fields, "fields");
  }
}
