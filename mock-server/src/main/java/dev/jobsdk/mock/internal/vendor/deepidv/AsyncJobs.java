package dev.jobsdk.mock.internal.vendor.deepidv;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.Vendor;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.Phase;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.Seeds;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import dev.jobsdk.mock.internal.vendor.Validation;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The {@code /v1/async-jobs/{jobId}} resource: a job's status as a union on {@code status}, with the
 * adverse-media {@code result} (generated from the job's seed) once {@code ready}.
 */
final class AsyncJobs {

  static final String CANCELLED_ERROR = "Job was cancelled.";

  private static final String[] CATEGORIES = {"financial_crime", "terrorism", "regulatory", "political",
    "organized_crime", "violent_crime", "criminal_legal", "reputational", "court_records"};
  private static final String[] HEADLINES = {
    "Regulator fines %s over reporting failures",
    "Court records name %s in civil fraud case",
    "%s linked to offshore shell companies, report says",
    "Local paper reports inquiry into %s's business dealings"};

  private final Engine engine;
  private final Orgs orgs;
  private final VendorApi vendor;

  AsyncJobs(Engine engine, Orgs orgs, VendorApi vendor) {
    this.engine = engine;
    this.orgs = orgs;
    this.vendor = vendor;
  }

  /** {@code GET /v1/async-jobs/{jobId}}. */
  HttpResponse get(HttpRequest request, RouteTable.Params params) {
    Orgs.Org org = orgs.authenticate(request);
    String id = params.get("jobId");
    if (!Validation.isUuid(id)) {
      return DeepIdvApi.message(400, "Malformed job ID.");
    }
    JobRecord job = engine.store().get(id);
    JobView view = job == null || job.vendor() != Vendor.DEEPIDV ? null : job.view(engine.now());
    if (view == null || view.phase() == Phase.GONE) {
      return DeepIdvApi.message(404, "Job not found.");
    }
    if (!job.owner().equals(org.apiKey)) {
      return DeepIdvApi.message(403, "Forbidden: the job belongs to another organization.");
    }
    ObjectNode json = Json.object();
    json.put("jobId", job.id()).put("status", vendor.statusOf(job, view));
    long createdMillis = view.createdAt().toEpochMilli();
    json.put("createdAt", engine.config().deepIdvCreatedAtSeconds() ? createdMillis / 1000 : createdMillis);
    json.put("updatedAt", Json.isoMillis(view.updatedAt()));
    switch (view.phase()) {
      case SUCCEEDED -> json.set("result", result(job));
      case FAILED -> json.put("error", view.error() == null ? "upstream timeout" : view.error());
      case CANCELLED -> json.put("error", CANCELLED_ERROR);
      default -> { }
    }
    HttpResponse response = Json.response(200, json);
    return view.phase().terminal() ? response.terminalJobId(job.id()) : response;
  }

  static ObjectNode result(JobRecord job) {
    Screenings.Subject subject = job.data(Screenings.Subject.class);
    SplittableRandom random = Engine.random(job.seed(), 3);
    int roll = random.nextInt(100);
    int hits = roll < 40 ? 0 : roll < 65 ? 1 : roll < 90 ? 2 : 3;
    int score = switch (hits) {
      case 0 -> (int) Seeds.between(random, 0, 15);
      case 1 -> (int) Seeds.between(random, 25, 45);
      case 2 -> (int) Seeds.between(random, 40, 70);
      default -> (int) Seeds.between(random, 70, 95);
    };
    String level = score < 25 ? "LOW" : score < 60 ? "MEDIUM" : score < 85 ? "HIGH" : "CRITICAL";
    String name = subject.firstName() + ' ' + subject.lastName();

    ObjectNode result = Json.object();
    result.put("totalHits", hits).put("riskLevel", level).put("riskScore", score);
    ArrayNode findings = Json.array();
    ObjectNode exposures = Json.object();
    for (String category : CATEGORIES) {
      exposures.putObject(category).put("hits", 0).putArray("articles");
    }
    boolean courtRecords = false;
    for (int i = 0; i < hits; i++) {
      String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
      String headline = String.format(HEADLINES[random.nextInt(HEADLINES.length)], name);
      boolean court = random.nextBoolean();
      courtRecords |= court;
      String date = LocalDate.of((int) Seeds.between(random, 2015, 2025), (int) Seeds.between(random, 1, 12),
          (int) Seeds.between(random, 1, 28)).toString();
      String url = "https://news.example/articles/" + Seeds.hex(random, 6);
      String severity = score >= 85 ? "CRITICAL" : score >= 60 ? "HIGH" : "MEDIUM";
      ObjectNode finding = findings.addObject();
      finding.put("findingId", "fnd_" + Seeds.hex(random, 8)).put("severity", severity)
          .put("category", category).put("title", headline)
          .put("detail", "Media coverage associates " + name + " with " + category.replace('_', ' ') + ".")
          .put("sourceUrl", url).put("sourceName", "Example News").put("articleDate", date)
          .put("confidence", Seeds.between(random, 60, 99) / 100.0);
      ArrayNode confirmedBy = finding.putArray("confirmedBy").add("news");
      if (court) {
        confirmedBy.add("court-records");
      }
      ObjectNode exposure = (ObjectNode) exposures.get(category);
      exposure.put("hits", exposure.get("hits").asInt() + 1);
      ((ArrayNode) exposure.get("articles")).addObject().put("timestamp", date + "T00:00:00.000Z")
          .put("headline", headline).put("sourceLink", url).put("source", "news");
    }
    result.put("summary", hits == 0 ? "No adverse-media findings."
        : (hits == 1 ? "One adverse-media finding" : numberWord(hits) + " adverse-media findings")
            + (courtRecords ? " corroborated by court records." : " in news coverage."));
    result.set("findings", findings);
    result.set("exposuresByCategory", exposures);
    return result;
  }

  private static String numberWord(int n) {
    return switch (n) {
      case 2 -> "Two";
      case 3 -> "Three";
      default -> Integer.toString(n);
    };
  }
}
