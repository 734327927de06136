package dev.jobsdk.mock.internal.vendor.deepcurrent;

import static dev.jobsdk.mock.internal.vendor.deepcurrent.BdPlanning.*;
import static dev.jobsdk.mock.internal.vendor.deepcurrent.FastApi.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.JobRecord;
import dev.jobsdk.mock.internal.JobView;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.Phase;
import dev.jobsdk.mock.internal.RouteTable;
import dev.jobsdk.mock.internal.VendorApi;
import dev.jobsdk.mock.internal.web.HttpRequest;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code /api/v1/growth} resource: resolve, quote (single-use quote tokens), run (202, credits
 * charged at start) and run status with per-stage progress.
 */
final class GrowthRuns {

  private static final long QUOTE_LIFETIME_SECONDS = 1800;
  private static final int USED_QUOTES_KEPT = 100_000;

  private final Engine engine;
  private final Accounts accounts;
  private final BdJobs bdJobs;
  private final VendorApi vendor;
  private final Set<String> usedQuotes = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > USED_QUOTES_KEPT;
    }
  });

  GrowthRuns(Engine engine, Accounts accounts, BdJobs bdJobs, VendorApi vendor) {
    this.engine = engine;
    this.accounts = accounts;
    this.bdJobs = bdJobs;
    this.vendor = vendor;
  }

  void reset() {
    synchronized (usedQuotes) {
      usedQuotes.clear();
    }
  }

  HttpResponse resolve(HttpRequest request, RouteTable.Params params) {
    accounts.authenticate(request);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    JsonNode goal = body.get("goal_text");
    if (goal == null || goal.isNull()) {
      issues.add(issue("missing", "Field required", "body", "goal_text"));
    } else if (!goal.isTextual()) {
      issues.add(issue("string_type", "Input should be a valid string", "body", "goal_text"));
    } else if (goal.textValue().length() < 3) {
      issues.add(issue("string_too_short", "String should have at least 3 characters", "body", "goal_text"));
    } else if (goal.textValue().length() > 2000) {
      issues.add(issue("string_too_long", "String should have at most 2000 characters", "body", "goal_text"));
    }
    requireObjectIfPresent(body, "constraints", issues);
    requireObjectIfPresent(body, "input_assets", issues);
    requireObjectIfPresent(body, "icp_config", issues);
    failValidation(issues);
    ObjectNode assets = body.has("input_assets") && body.get("input_assets").isObject()
        ? ((ObjectNode) body.get("input_assets")).deepCopy() : Json.object();
    if (!assets.has("companies")) {
      assets.putArray("companies");
    }
    ObjectNode response = Json.object();
    response.put("goal_type", "email_discovery").put("coverage_mode", "sufficient")
        .put("execution_strategy", "enrichment_only").put("quotable", true);
    response.putArray("missing_requirements");
    response.put("suggested_next_action", "Call POST /api/v1/growth/quote with goal_plan.");
    ObjectNode plan = response.putObject("goal_plan");
    plan.put("pipeline_id", "email_discovery_v1").put("preset", "full_pipeline");
    plan.set("input_assets", assets);
    if (body.get("constraints") instanceof ObjectNode constraints) {
      plan.set("constraints", constraints.deepCopy());
    }
    ObjectNode output = plan.putObject("output");
    output.putArray("required_fields").add("email");
    output.put("preview_rows", 10);
    response.set("normalized_input_assets", assets.deepCopy());
    return Json.response(200, response);
  }

  HttpResponse quote(HttpRequest request, RouteTable.Params params) {
    Accounts.Account account = accounts.authenticate(request);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    JsonNode plan = body.get("goal_plan");
    if (plan == null || plan.isNull()) {
      issues.add(issue("missing", "Field required", "body", "goal_plan"));
    } else if (!plan.isObject()) {
      issues.add(issue("dict_type", "Input should be a valid dictionary", "body", "goal_plan"));
    }
    JsonNode cap = body.get("max_external_spend_credits");
    if (cap != null && !cap.isNull() && !cap.canConvertToInt()) {
      issues.add(issue("int_type", "Input should be a valid integer", "body", "max_external_spend_credits"));
    }
    requireUuidIfPresent(body, "chat_id", issues);
    failValidation(issues);

    ObjectNode normalized = ((ObjectNode) plan).deepCopy();
    if (!normalized.has("pipeline_id")) {
      normalized.put("pipeline_id", "email_discovery_v1");
    }
    if (!normalized.has("preset")) {
      normalized.put("preset", "full_pipeline");
    }
    int rows = rows(normalized);
    int credits = creditsFor(rows);
    boolean quotable = cap == null || cap.isNull() || cap.asInt() >= credits;
    Instant now = engine.now();
    ObjectNode response = Json.object();
    response.put("ok", quotable).put("quotable", quotable);
    if (quotable) {
      ObjectNode claims = Json.object().put("sub", account.userId).put("typ", "quote")
          .put("rows", rows).put("credits", credits);
      response.put("quote_token", engine.tokens().issue(claims, now, QUOTE_LIFETIME_SECONDS));
      response.put("expiry", Json.iso(Instant.ofEpochSecond(now.getEpochSecond() + QUOTE_LIFETIME_SECONDS)));
    } else {
      response.putNull("quote_token");
      response.putNull("expiry");
    }
    response.put("credits_total", credits);
    response.putObject("cost_breakdown").put("enrichment", credits);
    response.putObject("provider_estimate").put("internal_records", rows * 7 / 10)
        .put("external_lookups", rows - rows * 7 / 10);
    response.putObject("expected_artifacts").put("verified_emails", rows * 8 / 10).put("enriched_contacts", rows);
    response.set("goal_plan", normalized);
    response.putArray("missing_requirements");
    if (quotable) {
      response.putNull("error_code");
      response.putNull("detail");
      response.put("suggested_next_action", "Call POST /api/v1/growth/run with quote_token and goal_plan.");
    } else {
      response.put("error_code", "max_external_spend_too_low");
      response.put("detail", "Estimated cost " + credits + " credits exceeds max_external_spend_credits "
          + cap.asInt() + ".");
      response.put("suggested_next_action", "Raise max_external_spend_credits to at least " + credits + ".");
    }
    return Json.response(200, response);
  }

  HttpResponse run(HttpRequest request, RouteTable.Params params) {
    Accounts.Account account = accounts.authenticate(request);
    Accounts.requirePaid(account);
    ObjectNode body = jsonBody(request);
    ArrayNode issues = Json.array();
    JsonNode token = body.get("quote_token");
    if (token == null || token.isNull()) {
      issues.add(issue("missing", "Field required", "body", "quote_token"));
    } else if (!token.isTextual()) {
      issues.add(issue("string_type", "Input should be a valid string", "body", "quote_token"));
    }
    JsonNode plan = body.get("goal_plan");
    if (plan == null || plan.isNull()) {
      issues.add(issue("missing", "Field required", "body", "goal_plan"));
    } else if (!plan.isObject()) {
      issues.add(issue("dict_type", "Input should be a valid dictionary", "body", "goal_plan"));
    }
    requireUuidIfPresent(body, "chat_id", issues);
    failValidation(issues);

    ObjectNode claims = engine.tokens().claimsIfSigned(token.textValue());
    if (claims == null || !"quote".equals(Json.text(claims, "typ"))) {
      return detail(403, "Invalid quote token.");
    }
    if (!account.userId.equals(Json.text(claims, "sub"))) {
      return detail(403, "Quote token does not belong to this account.");
    }
    String quoteId = Json.text(claims, "jti");
    synchronized (usedQuotes) {
      if (usedQuotes.contains(quoteId)) {
        return detail(403, "Quote token has already been used.");
      }
    }
    if (engine.tokens().verify(token.textValue(), engine.now()) == null) {
      return detail(403, "Quote token has expired.");
    }
    int credits = claims.path("credits").asInt();
    int rows = claims.path("rows").asInt(DEFAULT_GROWTH_ROWS);
    synchronized (usedQuotes) {
      if (!usedQuotes.add(quoteId)) {
        return detail(403, "Quote token has already been used.");
      }
    }
    if (!account.charge(credits)) {
      synchronized (usedQuotes) {
        usedQuotes.remove(quoteId);
      }
      return detail(402, "Insufficient credits: this run needs " + credits + " credits, "
          + account.credits() + " available.");
    }
    String preset = Json.text(plan, "preset");
    String pipeline = Objects.requireNonNullElse(preset, "full_pipeline");
    JobRecord job = bdJobs.createJob(account, GROWTH_KIND, growthJob(pipeline, rows, credits, Json.text(plan, "pipeline_id")), null);
    ObjectNode response = Json.object();
    response.put("status", "running").put("run_id", job.id());
    response.putObject("preview").put("message", "Enrichment has been queued.").put("pipeline_id", pipeline);
    response.putObject("data_source_mix");
    response.putObject("gap_report");
    return Json.response(202, response);
  }

  HttpResponse status(HttpRequest request, RouteTable.Params params) {
    String id = params.get("run_id");
    Accounts.Account account = accounts.authenticate(request);
    Accounts.requirePaid(account);
    BdJobs.Found found = bdJobs.owned(account, id, true);
    JobRecord job = found.job();
    JobView view = found.view();
    BdJob data = job.data(BdJob.class);
    ObjectNode run = Json.object();
    run.put("run_id", job.id()).put("status", vendor.statusOf(job, view));
    ObjectNode stages = run.putObject("stage_status");
    List<Lifecycle.Stage> scripted = job.lifecycle().stages();
    for (int i = 0; i < scripted.size() && view.phase() != Phase.PENDING; i++) {
      String state;
      if (i < view.stageIndex() || view.phase() == Phase.SUCCEEDED) {
        state = "completed";
      } else if (i == view.stageIndex()) {
        state = switch (view.phase()) {
          case FAILED -> "failed";
          case CANCELLED -> "cancelled";
          default -> "running";
        };
      } else {
        break;
      }
      stages.put(scripted.get(i).name(), state);
    }
    String message = switch (view.phase()) {
      case PENDING -> "Run queued.";
      case RUNNING -> view.stageIndex() >= 0 ? scripted.get(view.stageIndex()).message() : "Run in progress.";
      case SUCCEEDED -> "Run complete.";
      case FAILED -> view.error() == null ? "Run failed." : view.error();
      default -> "Run cancelled.";
    };
    run.putObject("progress").put("percent", view.percent()).put("message", message);
    ArrayNode results = run.putArray("result_handles");
    ArrayNode artifacts = run.putArray("artifact_handles");
    ArrayNode exports = run.putArray("export_handles");
    ObjectNode preview = run.putObject("preview");
    ObjectNode mix = run.putObject("data_source_mix");
    ObjectNode gaps = run.putObject("gap_report");
    if (view.phase() == Phase.SUCCEEDED) {
      Numbers numbers = numbers(job.seed(), data);
      results.addObject().put("result_id", BdJobs.resultId(job)).put("tool_name", "growth_plan");
      ObjectNode artifact = BdJobs.assetJson(job, "verified_contacts", "Verified Contacts", "contacts", "application/json");
      artifact.remove("availability");
      artifacts.add(artifact);
      exports.addObject().put("asset_id", "verified_contacts_csv").put("label", "Verified Contacts (CSV)")
          .put("format", "csv").put("mime_type", "text/csv")
          .put("download_url", "/api/v1/bd/jobs/" + job.id() + "/assets/verified_contacts_csv");
      preview.putObject("delivered_counts").put("delivered_contacts", numbers.delivered())
          .put("verified_emails", numbers.verified());
      preview.putObject("pricing").put("credits_charged", data.growth().credits())
          .put("rebate_credits", creditsFor(numbers.unresolved()));
      mix.put("enriched", numbers.delivered());
      gaps.put("unresolved", numbers.unresolved());
    }
    return BdJobs.shown(Json.response(200, run), job, view);
  }
}
