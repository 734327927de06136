package dev.jobsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's code is the examples' code, which the build compiles and runs. Every Java block of
 * README.md is, word for word, a block between {@code // README:BEGIN name} and
 * {@code // README:END name} in examples/ (main or test code), and the README section around it links
 * that file, where the block stands with its imports and the names it uses. And every marked block
 * stands in the README. To change a snippet, change the example (the build runs it), then paste it.
 */
class ReadmeSnippetsTest {
  private static final Pattern MARKED =
      Pattern.compile("// README:BEGIN (\\w+)\\R(.*?)\\R\\s*// README:END \\1", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\R(.*?)\\R```$", Pattern.DOTALL);
  private static final Path ROOT = Path.of("..");

  static String readme;
  /** Dedented block to the repository path of the file that holds it. */
  static final Map<String, String> marked = new LinkedHashMap<>();
  static final List<String> names = new ArrayList<>();

  @BeforeAll
  static void read() throws IOException {
    readme = Files.readString(ROOT.resolve("README.md"));
    try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src", "main", "java")), Files.walk(Path.of("src", "test", "java")))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = MARKED.matcher(Files.readString(source));
        while (m.find()) {
          names.add(m.group(1));
          marked.put(dedent(m.group(2)), "examples/" + source.toString().replace('\\', '/'));
        }
      }
    }
  }

  @Test
  void everyMarkedExampleBlock_standsInTheReadme() {
    marked.forEach((block, file) -> assertThat(readme).as("the README block marked in %s", file).contains(block));
    assertThat(names).contains("bd", "growth", "deepidv", "jobs", "virtualtime", "junit", "mockapi");
  }

  @Test
  void everyJavaBlockOfTheReadme_isCompiledAndRunCode_andItsSectionLinksTheFile() {
    Matcher m = JAVA_BLOCK.matcher(readme);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      String block = m.group(1).stripTrailing();
      int line = readme.substring(0, m.start()).split("\n", -1).length;
      assertThat(marked).as("README.md:%d is not a marked block of any example:%n%s", line, block).containsKey(block);
      assertThat(block).as("README.md:%d elides code", line).doesNotContain("{ ... }", "...)", "// ...");
      String file = marked.get(block);
      assertThat(section(m.start())).as("the section of README.md:%d links %s", line, file).contains("](" + file + ")");
    }
    assertThat(blocks).isGreaterThanOrEqualTo(10);
  }

  /** The text from the heading before {@code at} to the next heading. */
  static String section(int at) {
    int start = readme.lastIndexOf("\n#", at);
    int end = readme.indexOf("\n#", at);
    return readme.substring(Math.max(start, 0), end < 0 ? readme.length() : end);
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
