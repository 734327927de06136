package dev.jobsdk.deepcurrent.internal;

import dev.jobsdk.deepcurrent.DownloadOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a downloaded asset to disk: into a temporary file first, published under its final name
 * only once complete, and never over an existing file unless the caller asked for it.
 */
final class AssetFiles {
  /** Most {@code name (n).ext} variants tried before giving up. */
  static final int MAX_NUMBERED = 9_999;

  private AssetFiles() {}

  static boolean replace(DownloadOption... options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    boolean replace = false;
    for (DownloadOption o : options) {
      if (o == null) {
        throw new IllegalArgumentException("options must not contain null");
      }
      replace |= o == DownloadOption.REPLACE_EXISTING;
    }
    return replace;
  }

  /** Validates a file target before any request; returns it absolute. */
  static Path checkFile(Path file, boolean replace) {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(
          "file is a directory: "
              + abs
              + "; use downloadAssetTo(jobId, assetId, directory) to save into it");
    }
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("file's directory does not exist: " + parent);
    }
    if (!replace && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(
          "file already exists: " + abs + "; pass DownloadOption.REPLACE_EXISTING to replace it");
    }
    return abs;
  }

  /** Validates a directory target before any request, creating it if missing; returns it. */
  static Path checkDirectory(Path directory) {
    Path abs = directory.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new IllegalArgumentException(
          "directory is an existing file, not a directory: "
              + abs
              + "; use downloadAsset(jobId, assetId, file) to write one file");
    }
    try {
      return Files.createDirectories(abs);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create the directory " + abs, e);
    }
  }

  /** Writes the asset to exactly {@code target}. */
  static Path save(InputStream asset, Path target, boolean replace) throws IOException {
    Path part = Files.createTempFile(target.getParent(), ".download-", ".part");
    try {
      Files.copy(asset, part, StandardCopyOption.REPLACE_EXISTING);
      publish(part, target, replace);
      return target;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Writes the asset into {@code dir} as {@code name}, or a numbered variant if it is taken. */
  static Path saveInto(InputStream asset, Path dir, String name, boolean replace)
      throws IOException {
    Path part = Files.createTempFile(dir, ".download-", ".part");
    try {
      Files.copy(asset, part, StandardCopyOption.REPLACE_EXISTING);
      for (int n = 0; ; n++) {
        Path file = FileNames.inside(dir, n == 0 ? name : FileNames.numbered(name, n));
        try {
          publish(part, file, replace);
          return file;
        } catch (FileAlreadyExistsException taken) {
          if (n == MAX_NUMBERED) {
            throw taken;
          }
        }
      }
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Gives the complete temporary file its final name. Without {@code replace}, a hard link
   * claims the name atomically (failing if it exists); where links are unsupported, a plain move
   * that refuses an existing target.
   */
  private static void publish(Path part, Path file, boolean replace) throws IOException {
    if (replace) {
      try {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    try {
      Files.createLink(file, part);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException noLinks) {
      Files.move(part, file);
    }
  }
}
