package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.internal.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BdJobRequestTest {

  @Test
  void build_presetAndCapabilities_rejected() {
    BdJobRequest.Builder b =
        BdJobRequest.builder()
            .preset(BdPreset.FULL_PIPELINE)
            .requestedCapabilities(BdCapability.EMAIL_VERIFY);

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preset")
        .hasMessageContaining("requestedCapabilities");
  }

  @Test
  void build_neitherPresetNorCapabilities_rejected() {
    assertThatThrownBy(() -> BdJobRequest.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either preset or requestedCapabilities");
    assertThatThrownBy(() -> BdJobRequest.builder().requestedCapabilities(List.of()).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setters_nullsAndNullElements_rejectedNamingTheParameter() {
    BdJobRequest.Builder b = BdJobRequest.builder();
    assertThatThrownBy(() -> b.preset(null)).hasMessageContaining("preset");
    assertThatThrownBy(() -> b.requestedCapabilities(Arrays.asList(BdCapability.EMAIL_VERIFY, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestedCapabilities[1]");
    assertThatThrownBy(() -> b.inputAssets((Map<String, ?>) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputAssets");
    assertThatThrownBy(() -> b.chatId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chatId");
    assertThatThrownBy(() -> BdPreset.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BdCapability.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void inputAssets_jsonThatIsNotAnObject_rejected() {
    assertThatThrownBy(
            () -> BdJobRequest.builder().icpConfig(JsonValue.of(List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("icpConfig must be a JSON object");
  }

  @Test
  void inputAssets_copiedWhenSet_laterChangesToTheMapDoNotLeakIn() {
    List<Object> companies = new ArrayList<>(List.of(Map.of("company_name", "Acme")));
    BdJobRequest request =
        BdJobRequest.builder()
            .requestedCapabilities(List.of(BdCapability.COMPANY_SIZE, BdCapability.of("new_cap")))
            .inputAssets(Map.of("companies", companies))
            .build();

    companies.add(Map.of("company_name", "Other"));

    assertThat(request.inputAssets().orElseThrow().path("companies").asArray().orElseThrow().size()).isEqualTo(1);
    assertThat(request.requestedCapabilities())
        .extracting(BdCapability::value)
        .containsExactly("company_size", "new_cap");
    assertThat(request.preset()).isEmpty();
  }

  @Test
  void presetOf_knownValue_returnsTheConstant() {
    assertThat(BdPreset.of("verify_existing_emails")).isSameAs(BdPreset.VERIFY_EXISTING_EMAILS);
    assertThat(BdPreset.of("x_new")).isEqualTo(BdPreset.of("x_new")).isNotEqualTo(BdPreset.FULL_PIPELINE);
    assertThat(BdPreset.knownValues()).hasSize(4);
    assertThat(BdCapability.knownValues()).hasSize(7).allMatch(BdCapability::isKnown);
  }

  @Test
  void toString_doesNotPrintInputRecords() {
    BdJobRequest request =
        BdJobRequest.of(
            BdPreset.FULL_PIPELINE, Map.of("contacts", List.of(Map.of("email", "ceo@acme.com"))));

    assertThat(request.toString()).contains("full_pipeline").doesNotContain("ceo@acme.com");
  }
}
