package dev.jobsdk.deepcurrent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @CsvSource({
    "verified_contacts.json, verified_contacts.json",
    "../../etc/passwd, passwd",
    "/etc/passwd, passwd",
    "'..\\..\\Windows\\win.ini', win.ini",
    "C:\\evil.txt, evil.txt",
    ".bashrc, bashrc",
    "'  report.csv. ', report.csv",
    "a<b>c:d|e?f*g\"h, abcdefgh",
  })
  void sanitize_hostileNames_becomeBareNames(String hostile, String safe) {
    assertThat(FileNames.sanitize(hostile)).contains(safe);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", ".", "../", "a/..", "/", "\\", " . . "})
  void sanitize_nothingUsableLeft_isEmpty(String hostile) {
    assertThat(FileNames.sanitize(hostile)).isEmpty();
  }

  @Test
  void sanitize_controlCharacters_removed() {
    assertThat(FileNames.sanitize("re\u0000po\nrt\u007f.csv")).contains("report.csv");
  }

  @Test
  void sanitize_tooLong_truncatedTo255() {
    assertThat(FileNames.sanitize("x".repeat(400)).orElseThrow()).hasSize(255);
  }

  @ParameterizedTest
  @CsvSource({
    "CON, _CON",
    "nul.txt, _nul.txt",
    "Com1.tar.gz, _Com1.tar.gz",
    "'LPT9 .csv', '_LPT9 .csv'",
    "conin$, _conin$",
    "AUX., _AUX",
    "CONSOLE.txt, CONSOLE.txt",
    "com10.csv, com10.csv",
  })
  void sanitize_windowsDeviceNames_areDefused(String hostile, String safe) {
    assertThat(FileNames.sanitize(hostile)).contains(safe);
  }

  @Test
  void sanitize_multiByteNames_fitIn255BytesOnACharacterBoundary_keepingTheExtension() {
    String name = FileNames.sanitize("é".repeat(300) + ".csv").orElseThrow();
    assertThat(FileNames.utf8Length(name)).isLessThanOrEqualTo(255);
    assertThat(name).endsWith(".csv").matches("é+\\.csv");
    String emoji = FileNames.sanitize("\uD83D\uDE00".repeat(100)).orElseThrow();
    assertThat(FileNames.utf8Length(emoji)).isEqualTo(252);
    assertThat(emoji.codePoints().allMatch(cp -> cp == 0x1F600)).isTrue();
  }

  @Test
  void sanitize_invisibleFormatCharacters_removed() {
    assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).contains("invoicefdp.exe");
    assertThat(FileNames.sanitize("a\u200Bb\uFEFF.txt")).contains("ab.txt");
  }

  @Test
  void numbered_putsTheNumberBeforeTheExtension_within255Bytes() {
    assertThat(FileNames.numbered("contacts.json", 2)).isEqualTo("contacts (2).json");
    assertThat(FileNames.numbered("README", 1)).isEqualTo("README (1)");
    String longName = FileNames.sanitize("日".repeat(200) + ".json").orElseThrow();
    String n = FileNames.numbered(longName, 123);
    assertThat(FileNames.utf8Length(n)).isLessThanOrEqualTo(255);
    assertThat(n).endsWith(" (123).json");
  }

  @Test
  void inside_safeName_isDirectChildOfTheDirectory(@TempDir Path dir) {
    assertThat(FileNames.inside(dir, "a.json").getParent())
        .isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void inside_nameThatLeavesTheDirectory_isRejected(@TempDir Path dir) {
    assertThatThrownBy(() -> FileNames.inside(dir, "../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileNames.inside(dir, "sub/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
