package dev.jobsdk.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptPreviewRequestTest {

  @Test
  void promptsUpToTheServersLimit_areAccepted() {
    String max = "x".repeat(PromptPreviewRequest.MAX_PROMPT_LENGTH);

    PromptPreviewRequest request = PromptPreviewRequest.of(max, max);

    assertThat(request.systemPrompt()).hasSize(50_000);
    assertThat(request.userPromptTemplate()).hasSize(50_000);
  }

  @Test
  void systemPromptOverTheLimit_isRejectedNamingTheField() {
    assertThatThrownBy(() -> PromptPreviewRequest.of("x".repeat(50_001), "u"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("systemPrompt must be at most 50000 characters, was 50001");
  }

  @Test
  void userPromptTemplateOverTheLimit_isRejectedNamingTheField() {
    assertThatThrownBy(
            () ->
                PromptPreviewRequest.builder()
                    .systemPrompt("s")
                    .userPromptTemplate("x".repeat(50_001))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userPromptTemplate must be at most 50000 characters, was 50001");
  }

  @Test
  void missingPrompts_areRejectedNamingTheField() {
    assertThatThrownBy(() -> PromptPreviewRequest.builder().userPromptTemplate("u").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("systemPrompt must not be null");
    assertThatThrownBy(() -> PromptPreviewRequest.builder().systemPrompt("s").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userPromptTemplate must not be null");
  }

  @Test
  void nullVariableValue_isRejectedNamingTheVariable() {
    Map<String, String> vars = new HashMap<>();
    vars.put("document", null);

    assertThatThrownBy(() -> new PromptPreviewRequest("s", "u", vars, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("variables[document] must not be null");
  }

  @Test
  void variablesAndContext_areCopiedAndKeepTheirOrder() {
    Map<String, String> vars = new java.util.LinkedHashMap<>();
    vars.put("b", "2");
    vars.put("a", "1");
    List<String> sources = new java.util.ArrayList<>(List.of("CGIAR Framework"));
    PromptContext context = PromptContext.builder().sources(sources).persona("analyst").build();
    PromptPreviewRequest request =
        PromptPreviewRequest.builder()
            .systemPrompt("s")
            .userPromptTemplate("{{a}} {{b}}")
            .variables(vars)
            .variable("c", "3")
            .context(context)
            .build();
    vars.put("z", "26");
    sources.add("later");

    assertThat(request.variables()).containsExactly(
        Map.entry("b", "2"), Map.entry("a", "1"), Map.entry("c", "3"));
    assertThat(request.context().orElseThrow().sources()).containsExactly("CGIAR Framework");
    assertThatThrownBy(() -> request.variables().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toString_showsLengthsNotPromptText() {
    PromptPreviewRequest request =
        PromptPreviewRequest.builder()
            .systemPrompt("confidential system prompt")
            .userPromptTemplate("confidential {{doc}}")
            .variable("doc", "confidential business plan")
            .build();

    assertThat(request.toString()).doesNotContain("confidential").contains("doc", "26 chars");
  }
}
