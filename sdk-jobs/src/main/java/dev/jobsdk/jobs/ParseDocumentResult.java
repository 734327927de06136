package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link JobType#PARSE_DOCUMENT} job: the text and tables extracted from an
 * uploaded document. When it completes, the server starts a {@link JobType#GAP_DETECTION} job for
 * the same assessment by itself. The text is required; a null table list becomes empty.
 *
 * @param pages the number of pages in the document
 * @param textContent the full extracted text
 * @param tables the tables found, in document order
 * @param metadata how the extraction ran, when the server reports it
 */
public record ParseDocumentResult(
    int pages, String textContent, List<Table> tables, Optional<Metadata> metadata) {

  /**
   * Creates the {@code ParseDocumentResult}.
   *
   * @param pages the number of pages in the document
   * @param textContent the full extracted text
   * @param tables the tables found, in document order
   * @param metadata how the extraction ran, when the server reports it
   */
  public ParseDocumentResult {
    Checks.notNull(textContent, "textContent");
    tables = tables == null ? List.of() : List.copyOf(tables);
    metadata = metadata == null ? Optional.empty() : metadata;
  }

  /**
   * One table extracted from the document.
   *
   * @param page the 1-based page the table is on
   * @param tableIndex the table's 0-based index on its page
   * @param rowCount the number of rows
   * @param columnCount the number of columns
   * @param headers the header row, when one was identified (otherwise empty)
   * @param rows every row, the header row included, as cell texts
   */
  public record Table(
      int page,
      int tableIndex,
      int rowCount,
      int columnCount,
      List<String> headers,
      List<List<String>> rows) {

    /**
     * Creates the {@code Table}.
     *
     * @param page the 1-based page the table is on
     * @param tableIndex the table's 0-based index on its page
     * @param rowCount the number of rows
     * @param columnCount the number of columns
     * @param headers the header row, when one was identified (otherwise empty)
     * @param rows every row, the header row included, as cell texts
     */
    public Table {
      headers = cells(headers);
      rows = rows == null ? List.of() : rows.stream().map(Table::cells).toList();
    }

    private static List<String> cells(List<String> cells) {
      return cells == null
          ? List.of()
          : cells.stream().map(c -> c == null ? "" : c).toList();
    }
  }

  /**
   * How the extraction ran. Each value is empty when the server did not send it.
   *
   * @param textractJobId the extraction service's job id
   * @param s3Key the storage key of the parsed document
   * @param processingTime how long the extraction took (the server's {@code processingTimeMs})
   * @param processedAt when the extraction finished
   * @param textractModel the extraction mode, such as {@code AnalyzeDocument/TABLES}
   */
  public record Metadata(
      Optional<String> textractJobId,
      Optional<String> s3Key,
      Optional<Duration> processingTime,
      Optional<Instant> processedAt,
      Optional<String> textractModel) {

    /**
     * Creates the {@code Metadata}.
     *
     * @param textractJobId the extraction service's job id
     * @param s3Key the storage key of the parsed document
     * @param processingTime how long the extraction took (the server's {@code processingTimeMs})
     * @param processedAt when the extraction finished
     * @param textractModel the extraction mode, such as {@code AnalyzeDocument/TABLES}
     */
    public Metadata {
      textractJobId = textractJobId == null ? Optional.empty() : textractJobId;
      s3Key = s3Key == null ? Optional.empty() : s3Key;
      processingTime = processingTime == null ? Optional.empty() : processingTime;
      processedAt = processedAt == null ? Optional.empty() : processedAt;
      textractModel = textractModel == null ? Optional.empty() : textractModel;
    }
  }
}
