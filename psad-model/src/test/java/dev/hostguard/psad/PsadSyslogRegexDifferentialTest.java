package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ENABLE_CUSTOM_SYSLOG_TS_RE Y}: psad compiles {@code CUSTOM_SYSLOG_TS_RE} with Perl and
 * dies on a bad regex. Compared with the real {@code psad -c FILE -D}: patterns psad accepts,
 * patterns both refuse (same message and status), and the patterns psad refuses that hostguard
 * knowingly does not check.
 */
@RequiresRealTool(RealTool.PSAD)
class PsadSyslogRegexDifferentialTest {
  @TempDir Path tmp;

  private Path conf(String enable, String re) throws IOException {
    String text =
        Files.readString(PsadDumpDifferentialTest.DEBIAN_CONF, StandardCharsets.UTF_8)
            .replaceFirst(
                "(?m)^ENABLE_CUSTOM_SYSLOG_TS_RE(\\s+)[^;\\n]*;",
                "ENABLE_CUSTOM_SYSLOG_TS_RE$1" + enable + ";")
            .replaceFirst(
                "(?m)^CUSTOM_SYSLOG_TS_RE(\\s+)[^;\\n]*;",
                "CUSTOM_SYSLOG_TS_RE$1" + Matcher.quoteReplacement(re) + ";");
    Path p = tmp.resolve("re.conf");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static PsadConfDocument doc(Path p) throws IOException {
    return PsadConfDocument.parse(p.toString(), Files.readAllBytes(p));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^\\s*((?:\\S+\\s+){2}\\S+)\\s+(\\S+)\\s+kernel\\:",
        "^(\\S+T\\S+)\\s+(\\S+)\\s+kernel:",
        "\\(",
        "[(]",
        "[]a(]",
        "[[:alpha:](]+",
        "(?#(unbalanced in a comment)x",
        "(?<ts>\\S+) (?<host>\\S+)",
        "a{,3}",
        "a{3,2}"
      })
  void acceptedPatternsDumpLikePsad(String re) throws IOException {
    Path p = conf("Y", re);
    PsadOracle.Outcome real = PsadOracle.dump(p);
    assertThat(real.exitStatus()).as(real.message()).isZero();
    assertThat(PsadOracle.lines(PsadConfig.of(doc(p), PsadHost.local()).dump()))
        .containsExactlyElementsOf(real.configBlock());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^(\\S+", "((a)", "(?:x", "a)b", "(a))(", "[abc", "[]a", "[\\]](", "x\\", "\\\\(", "(?#(",
        "*a", "+x"
      })
  void refusedPatternsFailLikePsad(String re) throws IOException {
    Path p = conf("Y", re);
    PsadOracle.Outcome real = PsadOracle.dump(p);
    assertThat(real.exitStatus()).isEqualTo(255);
    assertThatThrownBy(() -> PsadConfig.of(doc(p), PsadHost.local()))
        .isInstanceOfSatisfying(
            PsadConfParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(real.message());
              assertThat(e.exitStatus()).isEqualTo(real.exitStatus());
              assertThat(e.lineText()).startsWith("CUSTOM_SYSLOG_TS_RE");
            });
    // Only Y compiles the regex: psad upper-cases yes to YES and skips it.
    Path yes = conf("yes", re);
    assertThat(PsadOracle.dump(yes).exitStatus()).isZero();
    assertThat(PsadConfig.of(doc(yes), PsadHost.local()).dump()).isNotEmpty();
  }

  /** psad refuses these; hostguard does not check them (documented in docs/psad.md). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\p{NoSuchProperty}",
        "(?{ 1 })",
        "(?<=a+)b",
        "[[:foo:]]",
        "\\8",
        "a**",
        "a(?x) ( # ("
      })
  void refusedPatternsHostguardDoesNotCheck(String re) throws IOException {
    Path p = conf("Y", re);
    assertThat(PsadOracle.dump(p).exitStatus()).isNotZero();
    assertThat(PsadConfig.validate(doc(p), PsadHost.local())).noneMatch(Diagnostic::isError);
  }
}
