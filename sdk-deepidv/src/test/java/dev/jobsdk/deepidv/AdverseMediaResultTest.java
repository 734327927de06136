package dev.jobsdk.deepidv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.deepidv.AdverseMediaResult.Article;
import dev.jobsdk.deepidv.AdverseMediaResult.ArticleSource;
import dev.jobsdk.deepidv.AdverseMediaResult.CategoryExposure;
import dev.jobsdk.deepidv.AdverseMediaResult.ExposuresByCategory;
import dev.jobsdk.deepidv.AdverseMediaResult.Finding;
import dev.jobsdk.deepidv.AdverseMediaResult.RiskLevel;
import dev.jobsdk.deepidv.AdverseMediaResult.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdverseMediaResultTest {

  private static AdverseMediaResult read(JsonNode node) throws Exception {
    return dev.jobsdk.deepidv.internal.AdverseMediaReader.read(node);
  }

  @Test
  void read_fullResult_mapsEveryDocumentedField() throws Exception {
    AdverseMediaResult r = read(Fixtures.json("async-job-ready-full.json").get("result"));

    assertThat(r.totalHits()).isEqualTo(3);
    assertThat(r.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(r.rawRiskLevel()).isEqualTo("HIGH");
    assertThat(r.riskScore()).isEqualTo(72);
    assertThat(r.summary()).startsWith("Three adverse-media findings");
    assertThat(r.findings()).hasSize(2);

    Finding f = r.findings().get(0);
    assertThat(f.findingId()).isEqualTo("f-1");
    assertThat(f.severity()).isEqualTo(Severity.HIGH);
    assertThat(f.category()).isEqualTo("financial_crime");
    assertThat(f.title()).isEqualTo("Named in fraud investigation");
    assertThat(f.detail()).startsWith("Regional press");
    assertThat(f.sourceUrl()).contains("https://news.example.com/articles/123");
    assertThat(f.sourceName()).contains("Example News");
    assertThat(f.articleDate()).contains("2021-06-01");
    assertThat(f.articleLocalDate()).contains(LocalDate.of(2021, 6, 1));
    assertThat(f.confidence()).isEqualTo(0.87);
    assertThat(f.confirmedBy()).containsExactly("news", "court-records");
  }

  @Test
  void read_nullableFindingFields_areEmptyOptionals() throws Exception {
    Finding f = read(Fixtures.json("async-job-ready-full.json").get("result")).findings().get(1);

    assertThat(f.sourceUrl()).isEmpty();
    assertThat(f.sourceName()).isEmpty();
    assertThat(f.articleDate()).isEmpty();
    assertThat(f.articleLocalDate()).isEmpty();
    assertThat(f.confirmedBy()).isEmpty();
  }

  @Test
  void read_unknownSeverity_isUnknownAndKeepsTheRawValue() throws Exception {
    Finding f = read(Fixtures.json("async-job-ready-full.json").get("result")).findings().get(1);

    assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
    assertThat(f.rawSeverity()).isEqualTo("SEVERE");
  }

  @Test
  void read_allNineCategories_haveTypedAccessors() throws Exception {
    ExposuresByCategory e =
        read(Fixtures.json("async-job-ready-full.json").get("result")).exposuresByCategory();

    assertThat(e.financialCrime().hits()).isEqualTo(2);
    assertThat(e.courtRecords().hits()).isEqualTo(1);
    assertThat(List.of(
            e.terrorism(), e.regulatory(), e.political(), e.organizedCrime(), e.violentCrime(),
            e.criminalLegal(), e.reputational()))
        .allSatisfy(c -> assertThat(c).isEqualTo(new CategoryExposure(0, List.of())));
    assertThat(e.all().keySet()).containsAll(ExposuresByCategory.KNOWN_CATEGORIES);
  }

  @Test
  void read_unknownCategory_isKeptWithItsArticles() throws Exception {
    ExposuresByCategory e =
        read(Fixtures.json("async-job-ready-full.json").get("result")).exposuresByCategory();

    assertThat(e.unknownCategories()).containsOnlyKeys("sanctions_evasion");
    assertThat(e.get("sanctions_evasion")).hasValueSatisfying(c -> assertThat(c.hits()).isEqualTo(4));
    assertThat(e.all()).hasSize(10);
    assertThat(e.totalHits()).isEqualTo(7);
    Article a = e.unknownCategories().get("sanctions_evasion").articles().get(0);
    assertThat(a.source()).isEqualTo(ArticleSource.UNKNOWN);
    assertThat(a.rawSource()).isEqualTo("social-media");
    assertThat(a.timestamp()).contains("sometime");
    assertThat(a.parsedTimestamp()).isEmpty();
  }

  @Test
  void read_articles_mapSourceLinkTimestampAndSource() throws Exception {
    ExposuresByCategory e =
        read(Fixtures.json("async-job-ready-full.json").get("result")).exposuresByCategory();

    Article news = e.financialCrime().articles().get(0);
    assertThat(news.headline()).isEqualTo("Fraud probe widens");
    assertThat(news.sourceLink()).contains("https://news.example.com/articles/123");
    assertThat(news.source()).isEqualTo(ArticleSource.NEWS);
    assertThat(news.parsedTimestamp()).contains(Instant.parse("2021-06-01T08:30:00Z"));

    Article court = e.financialCrime().articles().get(1);
    assertThat(court.source()).isEqualTo(ArticleSource.COURT_RECORDS);
    assertThat(court.timestamp()).isEmpty();
    assertThat(court.sourceLink()).isEmpty();

    Article watchlist = e.courtRecords().articles().get(0);
    assertThat(watchlist.source()).isEqualTo(ArticleSource.WATCHLIST_DATABASE);
    assertThat(watchlist.parsedTimestamp()).contains(Instant.parse("2022-01-15T00:00:00Z"));
  }

  @Test
  void read_seedExample_withEmptyCollections_givesZeroFilledCategories() throws Exception {
    AdverseMediaResult r = read(Fixtures.json("deepidv-async-job-ready.json").get("result"));

    assertThat(r.totalHits()).isEqualTo(2);
    assertThat(r.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(r.riskScore()).isEqualTo(45);
    assertThat(r.summary()).isEqualTo("Two adverse-media findings corroborated by court records.");
    assertThat(r.findings()).isEmpty();
    assertThat(r.exposuresByCategory().financialCrime()).isEqualTo(CategoryExposure.NONE);
    assertThat(r.exposuresByCategory().unknownCategories()).isEmpty();
  }

  @Test
  void read_unknownRiskLevel_isUnknownAndKeepsTheRawValue() throws Exception {
    JsonNode node = Json.MAPPER.readTree("{\"totalHits\":0,\"riskLevel\":\"EXTREME\",\"riskScore\":99}");

    AdverseMediaResult r = read(node);

    assertThat(r.riskLevel()).isEqualTo(RiskLevel.UNKNOWN);
    assertThat(r.rawRiskLevel()).isEqualTo("EXTREME");
    assertThat(r.summary()).isEmpty();
    assertThat(r.findings()).isEmpty();
    assertThat(r.exposuresByCategory().all()).isEmpty();
  }

  @Test
  void riskLevel_readsCaseInsensitively() {
    assertThat(RiskLevel.of("critical")).isEqualTo(RiskLevel.CRITICAL);
    assertThat(RiskLevel.of(null)).isEqualTo(RiskLevel.UNKNOWN);
    assertThat(RiskLevel.of("unknown")).isEqualTo(RiskLevel.UNKNOWN);
    assertThat(ArticleSource.of("Court-Records")).isEqualTo(ArticleSource.COURT_RECORDS);
  }

  @Test
  void constructor_copiesCollectionsAndDerivesEnumsFromRawValues() {
    List<Finding> findings = new java.util.ArrayList<>();
    AdverseMediaResult r =
        new AdverseMediaResult(0, null, "LOW", 3, null, findings, ExposuresByCategory.of(Map.of()));
    findings.add(null);

    assertThat(r.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(r.findings()).isEmpty();
    assertThat(new AdverseMediaResult(0, RiskLevel.HIGH, null, 0, "", List.of(), null).rawRiskLevel())
        .isEqualTo("HIGH");
  }
}
