package dev.jobsdk.mock.internal.vendor.deepcurrent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.Json;
import dev.jobsdk.mock.internal.Seeds;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How DeepCurrent's planner resolves a BD job or growth run: presets to capabilities, input assets to
 * companies and contacts, warnings, credits, default lifecycles and the seeded result counts.
 */
final class BdPlanning {

  static final String BD_KIND = "bd_job";
  static final String GROWTH_KIND = "growth_run";
  static final int DEFAULT_GROWTH_ROWS = 100;
  /** A job's generated contacts grow with its companies; both are bounded so a body cannot blow up a download. */
  static final int MAX_COMPANIES = 1_000;
  private static final int MAX_CONTACTS = 100_000;
  static final List<String> CAPABILITIES = List.of("qualification", "company_size", "contact_discovery",
      "email_lookup", "email_verify", "linkedin_enrich", "deliverable_finalize");
  static final Map<String, List<String>> PRESETS = new LinkedHashMap<>();

  static {
    // full_pipeline as the documented example response resolves it
    PRESETS.put("full_pipeline",
        List.of("qualification", "contact_discovery", "email_lookup", "email_verify", "deliverable_finalize"));
    PRESETS.put("verify_existing_emails", List.of("email_verify", "deliverable_finalize"));
    PRESETS.put("company_size_and_email_verify", List.of("company_size", "email_verify", "deliverable_finalize"));
    PRESETS.put("enrich_contacts_from_companies",
        List.of("contact_discovery", "email_lookup", "email_verify", "deliverable_finalize"));
  }

  static final List<String> GROWTH_CAPABILITIES = List.of("email_lookup", "email_verify");

  private BdPlanning() {
  }

  /** One company of a job's input. */
  record Company(String name, String domain) {
  }

  /**
   * What a BD job or growth run was asked to do.
   *
   * @param preset the preset, or {@code null} when capabilities were requested
   * @param capabilities the resolved capabilities
   * @param warnings planning warnings
   * @param companies the companies to work on
   * @param contacts how many contacts the input had
   * @param growth growth-run details, or {@code null} for a plain BD job
   */
  record BdJob(String preset, List<String> capabilities, List<String> warnings, List<Company> companies,
      int contacts, Growth growth) {
  }

  /**
   * @param rows how many records the quote priced
   * @param credits what the run cost
   * @param pipelineId the goal plan's pipeline id
   */
  record Growth(int rows, int credits, String pipelineId) {
  }

  /** Result counts, derived from the job's seed. */
  record Numbers(int delivered, int verified, int unresolved) {
  }

  static List<String> canonical(List<String> requested) {
    Set<String> wanted = new LinkedHashSet<>(requested);
    wanted.add("deliverable_finalize");
    List<String> ordered = new ArrayList<>();
    for (String capability : CAPABILITIES) {
      if (wanted.contains(capability)) {
        ordered.add(capability);
      }
    }
    return List.copyOf(ordered);
  }

  static BdJob planBd(String preset, List<String> capabilities, JsonNode inputAssets) {
    List<Company> companies = new ArrayList<>();
    int contacts = 0;
    boolean capped = false;
    if (inputAssets != null && inputAssets.isObject()) {
      JsonNode given = inputAssets.get("companies");
      if (given != null && given.isArray()) {
        for (JsonNode company : given) {
          if (companies.size() == MAX_COMPANIES) {
            capped = true;
            break;
          }
          String name = company.isTextual() ? company.textValue()
              : firstText(company, "company_name", "name", "website", "domain");
          String website = company.isObject() ? firstText(company, "website", "domain") : null;
          if (name != null) {
            companies.add(new Company(name, website == null ? SampleData.domain(name) : host(website)));
          }
        }
      }
      JsonNode givenContacts = inputAssets.get("contacts");
      contacts = givenContacts != null && givenContacts.isArray() ? Math.min(givenContacts.size(), MAX_CONTACTS) : 0;
    }
    List<String> warnings = new ArrayList<>();
    if (capped) {
      warnings.add("The mock processes the first " + MAX_COMPANIES + " companies of input_assets.");
    }
    boolean needsCompanies = capabilities.contains("qualification") || capabilities.contains("company_size")
        || capabilities.contains("contact_discovery");
    if (companies.isEmpty() && needsCompanies) {
      warnings.add("No companies in input_assets; the mock processes 2 sample companies.");
    }
    if (companies.isEmpty()) {
      companies.add(new Company(SampleData.COMPANIES[0], SampleData.domain(SampleData.COMPANIES[0])));
      companies.add(new Company(SampleData.COMPANIES[1], SampleData.domain(SampleData.COMPANIES[1])));
    }
    if (contacts == 0 && !capabilities.contains("contact_discovery")) {
      warnings.add("No contacts in input_assets; the mock processes 20 sample contacts.");
      contacts = 20;
    }
    return new BdJob(preset, List.copyOf(capabilities), List.copyOf(warnings), List.copyOf(companies), contacts, null);
  }

  static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = Json.text(node, field);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  static String host(String website) {
    try {
      String host = URI.create(website.contains("://") ? website : "https://" + website).getHost();
      if (host != null) {
        return host.startsWith("www.") ? host.substring(4) : host;
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    return SampleData.domain(website);
  }

  static Lifecycle defaultBdLifecycle(long seed, BdJob data, Numbers numbers) {
    SplittableRandom random = Engine.random(seed, 2);
    int companies = data.companies().size();
    int contacts = numbers.delivered();
    Lifecycle.Builder builder = Lifecycle.builder().queued(Duration.ofSeconds(Seeds.between(random, 2, 8)));
    for (String capability : data.capabilities()) {
      switch (capability) {
        case "qualification" -> builder.stage(capability, seconds(random, 30, 90),
            "Qualifying " + companies + " " + plural(companies, "company", "companies") + " against the ICP...");
        case "company_size" -> builder.stage(capability, seconds(random, 20, 60),
            "Estimating company size for " + companies + " " + plural(companies, "company", "companies") + "...");
        case "contact_discovery" -> builder.stage(capability, seconds(random, 60, 180),
            "Discovering contacts at " + companies + " " + plural(companies, "company", "companies") + "...");
        case "email_lookup" -> builder.stage(capability, seconds(random, 40, 120),
            "Looking up email addresses for " + contacts + " contacts...");
        case "email_verify" -> builder.stage(capability, seconds(random, 30, 90),
            "Verifying " + contacts + " email addresses...");
        case "linkedin_enrich" -> builder.stage(capability, seconds(random, 30, 90),
            "Enriching " + contacts + " contacts from LinkedIn...");
        default -> builder.stage(capability, seconds(random, 5, 15), "Finalizing deliverables...");
      }
    }
    return builder.build();
  }

  static Lifecycle defaultGrowthLifecycle(long seed) {
    SplittableRandom random = Engine.random(seed, 2);
    return Lifecycle.builder().queued(Duration.ofSeconds(Seeds.between(random, 2, 8)))
        .stage("email_lookup", seconds(random, 60, 150), "Discovering email addresses...")
        .stage("email_verify", seconds(random, 30, 90), "Verifying email addresses...")
        .build();
  }

  static Duration seconds(SplittableRandom random, int min, int max) {
    return Duration.ofSeconds(Seeds.between(random, min, max));
  }

  static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }

  static Numbers numbers(long seed, BdJob data) {
    SplittableRandom random = Engine.random(seed, 3);
    if (data.growth() != null) {
      int rows = data.growth().rows();
      int unresolved = Math.max(1, (int) (rows * Seeds.between(random, 3, 8) / 100));
      int delivered = rows - unresolved;
      return new Numbers(delivered, delivered * (int) Seeds.between(random, 75, 90) / 100, unresolved);
    }
    int delivered = data.capabilities().contains("contact_discovery")
        ? data.companies().size() * (int) Seeds.between(random, 6, 12)
        : data.contacts();
    int verified = data.capabilities().contains("email_verify")
        ? delivered * (int) Seeds.between(random, 70, 90) / 100 : 0;
    return new Numbers(delivered, verified, 0);
  }

  static BdJob growthJob(String preset, int rows, int credits, String pipelineId) {
    List<Company> companies = List.of(new Company(SampleData.COMPANIES[2], SampleData.domain(SampleData.COMPANIES[2])),
        new Company(SampleData.COMPANIES[3], SampleData.domain(SampleData.COMPANIES[3])));
    return new BdJob(preset, GROWTH_CAPABILITIES, List.of(), companies, rows,
        new Growth(rows, credits, pipelineId == null ? "email_discovery_v1" : pipelineId));
  }

  static int rows(JsonNode plan) {
    JsonNode count = plan.path("constraints").path("count");
    if (count.canConvertToInt() && count.asInt() > 0) {
      return Math.min(count.asInt(), 100_000);
    }
    int given = plan.path("input_assets").path("contacts").size() + plan.path("input_assets").path("companies").size();
    return given > 0 ? given : DEFAULT_GROWTH_ROWS;
  }

  static int creditsFor(int rows) {
    return (rows * 9 + 1) / 2;
  }
}
