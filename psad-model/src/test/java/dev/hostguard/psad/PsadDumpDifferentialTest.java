package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.psad.gen.PsadConfGens;
import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PsadConfig#dump()} and {@link PsadConfig#of} against the real {@code psad -c FILE -D}:
 * generated variants of Debian's psad.conf compared line for line, and configs psad dies on
 * compared on psad's message and exit status.
 */
@RequiresRealTool(RealTool.PSAD)
class PsadDumpDifferentialTest {
  static final Path DEBIAN_CONF = Path.of("/etc/psad/psad.conf");

  @TempDir Path tmp;

  private static String debian() {
    try {
      return Files.readString(DEBIAN_CONF, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static String ours(Path conf) throws IOException {
    PsadConfDocument doc = PsadConfDocument.parse(conf.toString(), Files.readAllBytes(conf));
    return PsadConfig.of(doc, PsadHost.local()).dump();
  }

  @Test
  void debianConfigDumpsLikePsad() throws IOException {
    Path conf = write("psad.conf", debian());
    PsadOracle.Outcome real = PsadOracle.dump(conf);
    assertThat(real.exitStatus()).isZero();
    assertThat(PsadOracle.lines(ours(conf))).containsExactlyElementsOf(real.configBlock());
  }

  @Test
  void sixtyGeneratedVariantsDumpLikePsad() {
    String base = debian();
    AtomicInteger n = new AtomicInteger();
    // 60 variants from the fixed seed, 15 from a fresh one (printed)
    int expected = 0;
    for (long seed : Exploration.seeds("PsadDumpDifferentialTest", 20261125L)) {
      int examples = seed == 20261125L ? 60 : 15;
      expected += examples;
      qt().withFixedSeed(seed)
          .withExamples(examples)
          .withShrinkCycles(0)
          .forAll(PsadConfGens.variants(base))
          .checkAssert(
              text -> {
                try {
                  Path conf = write("variant-" + n.incrementAndGet() + ".conf", text);
                  PsadOracle.Outcome real = PsadOracle.dump(conf);
                  assertThat(real.exitStatus())
                      .as("seed %d: psad accepts the variant: %s", seed, real)
                      .isZero();
                  assertThat(PsadOracle.lines(ours(conf)))
                      .as("seed %d: variant %s", seed, conf)
                      .containsExactlyElementsOf(real.configBlock());
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
    }
    assertThat(n.get()).isEqualTo(expected);
  }

  static Stream<Arguments> fatalConfigs() {
    return Stream.of(
        Arguments.of("undefined variable", edit("HTTP_SERVERS", "$NOT_DEFINED")),
        Arguments.of("self reference", edit("SMTP_SERVERS", "a$SMTP_SERVERS")),
        Arguments.of("command self reference", edit("psCmd", "/bin/$ps")),
        Arguments.of("missing required key", remove("HOSTNAME")),
        Arguments.of("missing TOP_SCANS_CTR_THRESHOLD", remove("TOP_SCANS_CTR_THRESHOLD")),
        Arguments.of("bad ENABLE value", edit("ENABLE_PERSISTENCE", "maybe")),
        Arguments.of("digit range", edit("DSHIELD_ALERT_INTERVAL", "25")),
        Arguments.of("digit range not a number", edit("STATUS_IP_THRESHOLD", "12a")),
        Arguments.of("bad email", edit("EMAIL_ADDRESSES", "root")),
        Arguments.of("facility", edit("SYSLOG_FACILITY", "LOG_USER")),
        Arguments.of("priority", edit("SYSLOG_PRIORITY", "LOUD")),
        Arguments.of(
            "auto ids without block method",
            edit("ENABLE_AUTO_IDS", "Y").andThen(edit("IPTABLES_BLOCK_METHOD", "N"))),
        Arguments.of("syslog file is fwdata", edit("IPT_SYSLOG_FILE", "$FW_DATA_FILE")),
        Arguments.of("override fw cmd without FW_CMD", edit("ENABLE_OVERRIDE_FW_CMD", "Y")),
        Arguments.of(
            "fw msg read cmd not executable",
            edit("AUTO_DETECT_JOURNALCTL", "N")
                .andThen(edit("ENABLE_FW_MSG_READ_CMD", "Y"))
                .andThen(edit("FW_MSG_READ_CMD", "/etc/passwd"))),
        Arguments.of(
            "fw msg read cmd missing",
            edit("AUTO_DETECT_JOURNALCTL", "N")
                .andThen(edit("ENABLE_FW_MSG_READ_CMD", "Y"))
                .andThen(edit("FW_MSG_READ_CMD", "/nonexistent/journalctl"))),
        Arguments.of("unknown command", append("hgnosuchtoolCmd   /nonexistent/hgnosuchtool;")),
        Arguments.of(
            "nineteen passes",
            append("HG_MANY " + "$HOSTNAME".repeat(19) + ";").andThen(edit("HOSTNAME", "h"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fatalConfigs")
  void fatalConfigsFailLikePsad(String name, Edit edit) throws IOException {
    PsadOracle.assertLoadFailsLikePsad(write("fatal.conf", edit.apply(debian())));
  }

  static Stream<Arguments> edgeCases() {
    return Stream.of(
        Arguments.of("CRLF line ends", (Edit) t -> t.replace("\n", "\r\n")),
        Arguments.of("no final newline", (Edit) t -> t.substring(0, t.length() - 1)),
        Arguments.of(
            "odd keys and dollars",
            append(
                "K;x y;\nCmd /bin/ls;\npsCmd ps;\npsCmd /usr/bin/ps;\nV1 $1abc;\n1abc one;\n"
                    + "V2 end$;\nV4 ;\nV5 a $ b;\n\u00e9KEY x;\nZ\u00e9 y;")),
        Arguments.of(
            "FW_SEARCH_ALL N without FW_MSG_SEARCH",
            edit("FW_SEARCH_ALL", "N").andThen(t -> t.replaceFirst("(?m)^FW_MSG_SEARCH.*\n", ""))),
        Arguments.of(
            "FW_SEARCH_ALL overridden by a later line",
            edit("FW_SEARCH_ALL", " N ").andThen(append("FW_SEARCH_ALL N;\nFW_SEARCH_ALL maybe;"))),
        Arguments.of("FW_SEARCH_ALL invalid", edit("FW_SEARCH_ALL", "x")),
        Arguments.of(
            "INSTALL_ROOT from a variable",
            edit("INSTALL_ROOT", "$ROOTX").andThen(append("ROOTX /srv;"))),
        Arguments.of(
            "commands psad searches for",
            edit("ENABLE_WHOIS_LOOKUPS", "N")
                .andThen(edit("IFCFGTYPE", "iproute2"))
                .andThen(edit("ALERTING_METHODS", "no_email"))
                .andThen(edit("mailCmd", "/nonexistent/mail"))
                .andThen(edit("ip6tablesCmd", "/nonexistent/ip6tables"))),
        Arguments.of(
            "FW_CMD override",
            edit("ENABLE_OVERRIDE_FW_CMD", "Y").andThen(edit("FW_CMD", "/bin/true"))),
        Arguments.of("leading zeros", edit("TOP_SCANS_CTR_THRESHOLD", "007")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeCases")
  void edgeCasesDumpLikePsad(String name, Edit edit) throws IOException {
    Path conf = write("edge.conf", edit.apply(debian()));
    PsadOracle.Outcome real = PsadOracle.dump(conf);
    assertThat(real.exitStatus()).as(real.message()).isZero();
    assertThat(PsadOracle.lines(ours(conf))).containsExactlyElementsOf(real.configBlock());
  }

  @Test
  void latin1BytesDumpLikePsad() throws IOException {
    Path conf = tmp.resolve("latin1.conf");
    byte[] base = Files.readAllBytes(DEBIAN_CONF);
    byte[] extra = "X_LATIN caf\u00e9 $HOSTNAME;\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    Files.write(conf, all);
    dev.hostguard.exec.CommandResult real = dev.hostguard.testing.RealTools.psadDump(conf);
    PsadConfDocument doc = PsadConfDocument.parse(conf.toString(), all);
    byte[] mine = PsadConfig.of(doc, PsadHost.local()).dumpBytes();
    byte[] out = real.stdoutBytes();
    String latin = new String(out, StandardCharsets.ISO_8859_1);
    int from = latin.indexOf("[+] Dumping psad config from:");
    int to = latin.indexOf("[+] Command paths:");
    assertThat(new String(mine, StandardCharsets.ISO_8859_1)).isEqualTo(latin.substring(from, to));
  }

  @Test
  void eighteenPassesAreStillAccepted() throws IOException {
    Path conf = write("ok.conf", append("HG_MANY " + "$HOSTNAME".repeat(17) + ";").apply(debian()));
    PsadOracle.Outcome real = PsadOracle.dump(conf);
    assertThat(real.exitStatus()).isZero();
    assertThat(PsadOracle.lines(ours(conf))).containsExactlyElementsOf(real.configBlock());
  }

  /** A text edit with a readable name in test reports. */
  interface Edit extends UnaryOperator<String> {
    default Edit andThen(Edit next) {
      return t -> next.apply(apply(t));
    }
  }

  static Edit edit(String key, String value) {
    return text -> {
      String replaced =
          text.replaceFirst(
              "(?m)^" + key + "(\\s+)[^;\\n]*;",
              java.util.regex.Matcher.quoteReplacement(key)
                  + "$1"
                  + java.util.regex.Matcher.quoteReplacement(value)
                  + ";");
      if (replaced.equals(text)) {
        throw new IllegalArgumentException("no " + key + " in the base config");
      }
      return replaced;
    };
  }

  static Edit remove(String key) {
    return text -> text.replaceFirst("(?m)^" + key + "\\s[^\\n]*\\n", "");
  }

  static Edit append(String line) {
    return text -> text + line + "\n";
  }
}
