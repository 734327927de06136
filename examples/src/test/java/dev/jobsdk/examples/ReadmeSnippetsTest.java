package dev.jobsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's code is the examples' code: every block between {@code // README:BEGIN name} and
 * {@code // README:END name} in examples/ (main or test code) must appear, word for word, in
 * README.md.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK =
      Pattern.compile("// README:BEGIN (\\w+)\\R(.*?)\\R\\s*// README:END \\1", Pattern.DOTALL);

  @Test
  void everyMarkedExampleBlock_standsInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> names = new ArrayList<>();
    try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src", "main", "java")), Files.walk(Path.of("src", "test", "java")))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = BLOCK.matcher(Files.readString(source));
        while (m.find()) {
          names.add(m.group(1));
          assertThat(readme).as("README block '%s' from %s", m.group(1), source.getFileName())
              .contains(dedent(m.group(2)));
        }
      }
    }
    assertThat(names).contains("bd", "growth", "deepidv", "jobs", "virtualtime");
  }

  static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return sb.toString().stripTrailing();
  }
}
