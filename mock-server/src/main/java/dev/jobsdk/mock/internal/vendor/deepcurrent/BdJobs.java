package dev.jobsdk.mock.internal.vendor.deepcurrent;

import static dev.jobsdk.mock.internal.vendor.deepcurrent.BdPlanning.*;
import static dev.jobsdk.mock.internal.vendor.deepcurrent.FastApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.Lifecycle;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@code /api/v1/bd/jobs} resource: create (202), status, result and asset downloads; and the one
 * place DeepCurrent jobs (BD jobs and growth runs) are created with their lifecycle.
 */
final class BdJobs {

  private static final int BD_JOB_CREDITS = 1;

  private final Engine engine;
  private final Accounts accounts;
  private final VendorApi vendor;
  private final ConcurrentLinkedQueue<Lifecycle> nextBd = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Lifecycle> nextGrowth = new ConcurrentLinkedQueue<>();
  private volatile Lifecycle defaultBd;
  private volatile Lifecycle defaultGrowth;

  BdJobs(Engine engine, Accounts accounts, VendorApi vendor) {
    this.engine = engine;
    this.accounts = accounts;
    this.vendor = vendor;
  }

  void reset() {
    nextBd.clear();
    nextGrowth.clear();
    defaultBd = null;
    defaultGrowth = null;
  }

  void defaultLifecycle(boolean growth, Lifecycle lifecycle) {
    if (growth) {
      defaultGrowth = lifecycle;
    } else {
      defaultBd = lifecycle;
    }
  }

  void queue(boolean growth, Lifecycle lifecycle) {
    (growth ? nextGrowth : nextBd).add(Objects.requireNonNull(lifecycle, "lifecycle"));
  }

  HttpResponse create(HttpRequest request, RouteTable.Params params) {
    Accounts.Account account = accounts.authenticate(request);
    Accounts.requirePaid(account);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    String preset = null;
    List<String> requested = null;
    if (present(body, "preset")) {
      JsonNode value = body.get("preset");
      if (value.isTextual() && PRESETS.containsKey(value.textValue())) {
        preset = value.textValue();
      } else {
        issues.add(issue("enum", "Input should be 'full_pipeline', 'verify_existing_emails', "
            + "'company_size_and_email_verify' or 'enrich_contacts_from_companies'", "body", "preset"));
      }
    }
    if (present(body, "requested_capabilities")) {
      JsonNode value = body.get("requested_capabilities");
      if (!value.isArray()) {
        issues.add(issue("list_type", "Input should be a valid list", "body", "requested_capabilities"));
      } else if (value.isEmpty()) {
        issues.add(issue("too_short", "List should have at least 1 item after validation, not 0", "body",
            "requested_capabilities"));
      } else {
        requested = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          JsonNode item = value.get(i);
          if (item.isTextual() && CAPABILITIES.contains(item.textValue())) {
            requested.add(item.textValue());
          } else {
            issues.add(issue("enum", "Input should be one of " + String.join(", ", CAPABILITIES), "body",
                "requested_capabilities", i));
          }
        }
      }
    }
    boolean hasPreset = present(body, "preset");
    boolean hasCapabilities = present(body, "requested_capabilities");
    if (hasPreset && hasCapabilities) {
      issues.add(issue("value_error",
          "Value error, preset and requested_capabilities are mutually exclusive", "body"));
    } else if (!hasPreset && !hasCapabilities) {
      issues.add(issue("value_error", "Value error, either preset or requested_capabilities is required", "body"));
    }
    requireObjectIfPresent(body, "input_assets", issues);
    requireObjectIfPresent(body, "icp_config", issues);
    requireObjectIfPresent(body, "execution_options", issues);
    requireUuidIfPresent(body, "chat_id", issues);
    failValidation(issues);

    if (!account.charge(BD_JOB_CREDITS)) {
      return detail(402, "Insufficient credits: a BD job needs " + BD_JOB_CREDITS + " credit, "
          + account.credits() + " available.");
    }
    List<String> capabilities = preset != null ? PRESETS.get(preset) : canonical(requested);
    JsonNode inputAssets = body.get("input_assets");
    JobRecord job = createJob(account, BD_KIND, planBd(preset, capabilities, inputAssets), null);
    JobView view = job.view(engine.now());
    BdJob data = job.data(BdJob.class);
    ObjectNode created = Json.object();
    created.put("job_id", job.id()).put("status", "pending").put("progress_percent", 0);
    Json.putNullable(created, "preset", data.preset());
    created.set("requested_capabilities", Json.array(data.capabilities()));
    created.set("warnings", Json.array(data.warnings()));
    created.put("created_at", Json.iso(view.createdAt()));
    return Json.response(202, created);
  }

  JobRecord createJob(Accounts.Account account, String kind, BdJob data, Lifecycle explicit) {
    long seed = engine.nextJobSeed();
    Numbers numbers = numbers(seed, data);
    boolean growth = GROWTH_KIND.equals(kind);
    Lifecycle lifecycle = VendorApi.chooseLifecycle(explicit, growth ? nextGrowth::poll : nextBd::poll,
        growth ? defaultGrowth : defaultBd,
        () -> growth ? defaultGrowthLifecycle(seed) : defaultBdLifecycle(seed, data, numbers));
    JobRecord job = new JobRecord(Engine.jobId(seed), Vendor.DEEPCURRENT, kind, account.apiKey, seed, engine.now(),
        null, lifecycle, 1, null, data);
    engine.store().add(job);
    return job;
  }

  record Found(JobRecord job, JobView view) {
  }

  Found owned(Accounts.Account account, String id, boolean growthOnly) {
    JobRecord job = engine.store().get(id);
    String missing = growthOnly ? "Run not found" : "Job not found";
    if (job == null || job.vendor() != Vendor.DEEPCURRENT || !job.owner().equals(account.apiKey)
        || (growthOnly && !GROWTH_KIND.equals(job.kind()))) {
      throw error(404, missing);
    }
    JobView view = job.view(engine.now());
    if (view == null || view.phase() == Phase.GONE) {
      throw error(404, missing);
    }
    return new Found(job, view);
  }

  HttpResponse status(HttpRequest request, RouteTable.Params params) {
    String id = params.get("job_id");
    Found found = owned(accounts.authenticate(request), id, false);
    JobRecord job = found.job();
    JobView view = found.view();
    BdJob data = job.data(BdJob.class);
    ObjectNode status = Json.object();
    status.put("job_id", job.id()).put("status", vendor.statusOf(job, view)).put("progress_percent", view.percent())
        .put("progress_message", progressMessage(job, view));
    Json.putNullable(status, "preset", data.preset());
    status.set("requested_capabilities", Json.array(data.capabilities()));
    status.set("warnings", Json.array(data.warnings()));
    Json.putNullable(status, "error_message", view.phase() == Phase.FAILED ? view.error() : null);
    status.put("created_at", Json.iso(view.createdAt())).put("updated_at", Json.iso(view.updatedAt()));
    Json.putNullable(status, "started_at", view.startedAt() == null ? null : Json.iso(view.startedAt()));
    Json.putNullable(status, "completed_at", view.completedAt() == null ? null : Json.iso(view.completedAt()));
    return shown(Json.response(200, status), job, view);
  }

  static HttpResponse shown(HttpResponse response, JobRecord job, JobView view) {
    return view.phase().terminal() ? response.terminalJobId(job.id()) : response;
  }

  private static String progressMessage(JobRecord job, JobView view) {
    return switch (view.phase()) {
      case PENDING -> "Job queued.";
      case RUNNING -> view.stageIndex() >= 0 ? job.lifecycle().stages().get(view.stageIndex()).message() : "Job running.";
      case SUCCEEDED -> "Job complete.";
      case FAILED -> "Job failed.";
      case CANCELLED -> "Job cancelled.";
      case GONE -> "Job expired.";
    };
  }

  HttpResponse result(HttpRequest request, RouteTable.Params params) {
    String id = params.get("job_id");
    Found found = owned(accounts.authenticate(request), id, false);
    JobRecord job = found.job();
    JobView view = found.view();
    BdJob data = job.data(BdJob.class);
    boolean done = view.phase() == Phase.SUCCEEDED;
    ObjectNode result = Json.object();
    Json.putNullable(result, "result_id", done ? resultId(job) : null);
    result.put("job_id", job.id()).put("status", vendor.statusOf(job, view)).put("progress_percent", view.percent())
        .put("progress_message", progressMessage(job, view));
    ObjectNode summary = result.putObject("summary");
    ArrayNode assets = Json.array();
    if (done) {
      Numbers numbers = numbers(job.seed(), data);
      summary.put("delivered_contacts", numbers.delivered()).put("verified_emails", numbers.verified())
          .put("companies_processed", data.growth() == null ? data.companies().size() : 0);
      assets.add(assetJson(job, "verified_contacts", "Verified Contacts", "contacts", "application/json"));
      assets.add(assetJson(job, "verified_contacts_csv", "Verified Contacts (CSV)", "export", "text/csv"));
    }
    result.set("warnings", Json.array(data.warnings()));
    result.set("result_assets", assets);
    result.put("created_at", Json.iso(done ? view.completedAt() : view.createdAt()));
    Json.putNullable(result, "completed_at", view.completedAt() == null ? null : Json.iso(view.completedAt()));
    return Json.response(200, result);
  }

  static String resultId(JobRecord job) {
    return Seeds.uuid(Seeds.mix(job.seed(), 4)).toString();
  }

  static ObjectNode assetJson(JobRecord job, String id, String label, String kind, String mime) {
    return Json.object().put("asset_id", id).put("label", label).put("kind", kind).put("mime_type", mime)
        .put("availability", "inline").put("download_url", "/api/v1/bd/jobs/" + job.id() + "/assets/" + id);
  }

  HttpResponse asset(HttpRequest request, RouteTable.Params params) {
    String id = params.get("job_id");
    String assetId = params.get("asset_id");
    Found found = owned(accounts.authenticate(request), id, false);
    if (!"verified_contacts".equals(assetId) && !"verified_contacts_csv".equals(assetId)) {
      return detail(404, "Asset not found");
    }
    if (found.view().phase() != Phase.SUCCEEDED) {
      return detail(404, "Asset not available: the job has not completed.");
    }
    ArrayNode contacts = contacts(found.job());
    if ("verified_contacts".equals(assetId)) {
      return Json.response(200, contacts)
          .header("Content-Disposition", "attachment; filename=\"verified_contacts.json\"");
    }
    StringBuilder csv = new StringBuilder("first_name,last_name,title,email,email_status,company_name,website\r\n");
    for (JsonNode c : contacts) {
      csv.append(c.get("first_name").asText()).append(',').append(c.get("last_name").asText()).append(',')
          .append(c.get("title").asText()).append(',').append(c.get("email").asText()).append(',')
          .append(c.get("email_status").asText()).append(',').append(c.get("company_name").asText())
          .append(',').append(c.get("website").asText()).append("\r\n");
    }
    return HttpResponse.text(200, "text/csv; charset=utf-8", csv.toString())
        .header("Content-Disposition", "attachment; filename=\"verified_contacts.csv\"");
  }

  private static ArrayNode contacts(JobRecord job) {
    BdJob data = job.data(BdJob.class);
    Numbers numbers = numbers(job.seed(), data);
    SplittableRandom random = Engine.random(job.seed(), 5);
    ArrayNode contacts = Json.array();
    for (int i = 0; i < numbers.delivered(); i++) {
      Company company = data.companies().get(i % data.companies().size());
      String first = SampleData.pick(random, SampleData.FIRST_NAMES);
      String last = SampleData.pick(random, SampleData.LAST_NAMES);
      contacts.addObject().put("first_name", first).put("last_name", last)
          .put("title", SampleData.pick(random, SampleData.TITLES))
          .put("email", first.toLowerCase(java.util.Locale.ROOT) + '.' + last.toLowerCase(java.util.Locale.ROOT)
              + '@' + company.domain())
          .put("email_status", i < numbers.verified() ? "valid" : "unverified")
          .put("company_name", company.name()).put("website", "https://" + company.domain());
    }
    return contacts;
  }
}
