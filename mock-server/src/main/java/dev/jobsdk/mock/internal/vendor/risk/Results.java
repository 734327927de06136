package dev.jobsdk.mock.internal.vendor.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.Seeds;
import java.util.SplittableRandom;

/** A completed Risk-tool job's {@code result}, per type, generated from the job's seed. */
final class Results {

  private static final String[] PREVIEW_SENTENCES = {
    "The main market risks identified are price volatility, lack of market access, and limited contract "
      + "farming opportunities.",
    "Climate exposure is the dominant risk: rainfall variability threatens two of the three main crops.",
    "Credit risk is moderate; the cooperative's repayment history is short but consistent.",
    "Governance gaps stand out: the business plan names no audit committee and no succession plan."};
  private static final String[] CROPS = {"Maize", "Beans", "Coffee", "Cassava"};

  private Results() {
  }

  static ObjectNode of(JobRecord job, Jobs.RiskJob data, JobView view) {
    SplittableRandom random = Engine.random(job.seed(), 3);
    long processingMs = job.lifecycle().runningDuration().toMillis();
    ObjectNode result = Json.object();
    switch (data.type()) {
      case "AI_PREVIEW" -> {
        String template = Json.text(data.input(), "userPromptTemplate");
        String rendered = render(template == null ? "" : template, data.input().get("variables"), 200);
        String sentence = PREVIEW_SENTENCES[random.nextInt(PREVIEW_SENTENCES.length)];
        result.put("output", rendered.isBlank() ? sentence
            : sentence + " (Preview by the mock for: " + abbreviate(rendered, 200) + ")");
        result.put("tokensUsed", Seeds.between(random, 200, 1_500)).put("processingTime", processingMs);
      }
      case "PARSE_DOCUMENT" -> {
        int pages = (int) Seeds.between(random, 2, 12);
        result.put("pages", pages);
        result.put("textContent", "Business plan of the applicant cooperative. Page 1 of " + pages
            + ": crops, area under cultivation, yields and buyers are listed below.");
        ArrayNode tables = result.putArray("tables");
        int tableCount = (int) Seeds.between(random, 1, 2);
        for (int t = 0; t < tableCount; t++) {
          ObjectNode table = tables.addObject();
          int rows = (int) Seeds.between(random, 2, 4);
          table.put("page", Seeds.between(random, 1, pages)).put("tableIndex", t).put("rowCount", rows)
              .put("columnCount", 3);
          table.putArray("headers").add("Crop").add("Area (ha)").add("Yield (t/ha)");
          ArrayNode cells = table.putArray("rows");
          for (int r = 0; r < rows; r++) {
            cells.addArray().add(CROPS[r % CROPS.length]).add(Long.toString(Seeds.between(random, 5, 120)))
                .add(Seeds.between(random, 5, 40) / 10.0 + "");
          }
        }
        ObjectNode metadata = result.putObject("metadata");
        metadata.put("textractJobId", Seeds.hex(random, 16))
            .put("s3Key", Json.text(data.input(), "s3Key"))
            .put("processingTimeMs", processingMs)
            .put("processedAt", Json.isoMillis(view.completedAt()))
            .put("textractModel", "textract-analyze-document");
      }
      case "GAP_DETECTION" -> result.put("assessmentId", data.assessmentId())
          .put("gapFieldsCreated", Seeds.between(random, 3, 15));
      case "RISK_ANALYSIS" -> result.put("assessmentId", data.assessmentId()).put("categoriesScored", 7)
          .put("overallScore", Seeds.between(random, 20, 90));
      default -> {
        String key = "reports/" + data.assessmentId() + "/" + job.id() + ".pdf";
        result.put("assessmentId", data.assessmentId()).put("pdfKey", key)
            .put("downloadUrl", "https://reports.example/" + key + "?X-Amz-Expires=3600");
      }
    }
    return result;
  }

  /**
   * Fills {@code {{name}}} placeholders in one pass over the template, stopping once the output is
   * longer than {@code max} characters: linear in what it reads, whatever the number of variables.
   */
  static String render(String template, JsonNode variables, int max) {
    StringBuilder out = new StringBuilder(Math.min(template.length(), max + 1));
    int i = 0;
    while (i < template.length() && out.length() <= max) {
      int open = template.indexOf("{{", i);
      int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
      if (open < 0 || close < 0) {
        out.append(template, i, Math.min(template.length(), i + max + 1 - out.length()));
        break;
      }
      out.append(template, i, Math.min(open, i + max + 1 - out.length()));
      JsonNode value = variables != null && variables.isObject() ? variables.get(template.substring(open + 2, close))
          : null;
      if (value != null) {
        String text = value.asText();
        out.append(text, 0, Math.min(text.length(), Math.max(0, max + 1 - out.length())));
      } else {
        out.append(template, open, Math.min(close + 2, open + Math.max(0, max + 1 - out.length())));
      }
      i = close + 2;
    }
    return out.toString();
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
