package dev.jobsdk.deepcurrent;

/**
 * How {@link BdJobService#downloadAsset(String, String, java.nio.file.Path, DownloadOption...)}
 * and {@link BdJobService#downloadAssetTo(String, String, java.nio.file.Path, DownloadOption...)}
 * treat an existing file. Without an option, no existing file is ever replaced.
 */
public enum DownloadOption {
  /**
   * Replace a file that already exists under the name being written (atomically where the file
   * system allows: readers see the old file or the complete new one, never a partial one).
   */
  REPLACE_EXISTING
}
