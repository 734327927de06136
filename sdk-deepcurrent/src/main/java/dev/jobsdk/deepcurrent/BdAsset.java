package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A downloadable output of a BD job (an item of {@code result_assets}) or of a growth run (an item
 * of {@code artifact_handles}). Download it with {@link BdJobService#downloadAsset(String,
 * String)}.
 *
 * @param assetId the asset's id within its job, such as {@code verified_contacts}
 * @param label a display name, such as {@code Verified Contacts}
 * @param kind what the asset holds, such as {@code contacts}
 * @param mimeType the media type of the download, such as {@code application/json}
 * @param availability how the asset is delivered; {@code inline} is the only documented value
 * @param downloadUrl the server-relative download path, such as {@code
 *     /api/v1/bd/jobs/{job_id}/assets/verified_contacts}
 * @param raw the item exactly as sent, including fields this SDK does not model
 */
public record BdAsset(
    String assetId,
    Optional<String> label,
    Optional<String> kind,
    Optional<String> mimeType,
    Optional<String> availability,
    Optional<String> downloadUrl,
    JsonValue raw) {

  /**
   * Creates the record, copying its lists and JSON objects.
   *
   * @param assetId see {@link #assetId()}
   * @param label see {@link #label()}
   * @param kind see {@link #kind()}
   * @param mimeType see {@link #mimeType()}
   * @param availability see {@link #availability()}
   * @param downloadUrl see {@link #downloadUrl()}
   * @param raw see {@link #raw()}
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public BdAsset {
    Objects.requireNonNull(assetId, "assetId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(downloadUrl, "downloadUrl");
    raw = Models.copy(raw, "raw");
  }

  /**
   * Returns the item exactly as sent; a copy, so changing it does not change this asset.
   *
   * @return the JSON object
   */
  @Override
  public JsonValue raw() {
    return raw;
  }

  /**
   * Returns whether the asset is delivered inline (its bytes come straight from the download
   * endpoint).
   *
   * @return true when availability is {@code inline}
   */
  public boolean isInline() {
    return availability.map("inline"::equalsIgnoreCase).orElse(false);
  }

  /**
   * Describes the asset without {@link #raw()}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "BdAsset{"
        + assetId
        + label.map(l -> ", label=" + l).orElse("")
        + kind.map(k -> ", kind=" + k).orElse("")
        + mimeType.map(m -> ", mimeType=" + m).orElse("")
        + availability.map(a -> ", availability=" + a).orElse("")
        + '}';
  }
}
