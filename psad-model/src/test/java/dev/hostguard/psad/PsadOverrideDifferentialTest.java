package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.psad.gen.PsadConfGens;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PsadConfig#of(PsadConfDocument, List, PsadHost)} against the real {@code psad -c FILE -O
 * O1,O2 -D}: generated override sets (fixed seeds) over generated main files compared line for
 * line, and overrides psad dies on compared on psad's message and exit status.
 */
@RequiresRealTool(RealTool.PSAD)
class PsadOverrideDifferentialTest {
  private static final long SEED = 20261203L;
  private static final int EXAMPLES = 40;

  @TempDir Path tmp;

  private static String debian() throws IOException {
    return Files.readString(PsadDumpDifferentialTest.DEBIAN_CONF, StandardCharsets.UTF_8);
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  /** Writes the files, runs the real psad and loads them ourselves. */
  private record Case(Path main, List<Path> overrides) {
    String list() {
      List<String> names = new ArrayList<>();
      overrides.forEach(p -> names.add(p.toString()));
      return String.join(",", names);
    }

    PsadConfig load() throws IOException {
      List<PsadConfDocument> docs = new ArrayList<>();
      for (Path p : overrides) {
        docs.add(PsadConfDocument.parse(p.toString(), Files.readAllBytes(p)));
      }
      PsadConfDocument doc = PsadConfDocument.parse(main.toString(), Files.readAllBytes(main));
      return PsadConfig.of(doc, docs, PsadHost.local());
    }
  }

  private Case write(String name, String main, List<String> overrides) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < overrides.size(); i++) {
      paths.add(write(name + "-o" + (i + 1) + ".conf", overrides.get(i)));
    }
    return new Case(write(name + ".conf", main), paths);
  }

  @Test
  void generatedOverrideSetsDumpLikePsad() throws IOException {
    String base = debian();
    java.util.Random seeds = new java.util.Random(SEED);
    for (int n = 1; n <= EXAMPLES; n++) {
      long seed = seeds.nextLong();
      String main = n % 2 == 0 ? base : PsadConfGens.variant(base, seed);
      Case c = write("set-" + n, main, PsadConfGens.overrides(base, seed));
      PsadOracle.Outcome real = PsadOracle.dump(c.main(), c.list());
      assertThat(real.exitStatus()).as("psad accepts set %d (seed %d): %s", n, seed, real).isZero();
      assertThat(PsadOracle.lines(c.load().dump()))
          .as("set %d (seed %d)", n, seed)
          .containsExactlyElementsOf(real.configBlock());
    }
  }

  @Test
  void overridesWinInOrderAndMayAddKeys() throws IOException {
    Case c =
        write(
            "order",
            debian(),
            List.of(
                "DANGER_LEVEL1 42;\nHG_NEW first $HOSTNAME;\nDANGER_LEVEL1 43;\n",
                "DANGER_LEVEL1 99;\nHG_NEW second;\nHG_TWO $HG_NEW/x;\nHOSTNAME from-o2;\n"));
    PsadOracle.Outcome real = PsadOracle.dump(c.main(), c.list());
    PsadConfig ours = c.load();
    assertThat(PsadOracle.lines(ours.dump())).containsExactlyElementsOf(real.configBlock());
    assertThat(real.configBlock())
        .contains(
            "    DANGER_LEVEL1              42",
            "    HG_NEW                     first from-o2",
            "    HG_TWO                     first from-o2/x");
    assertThat(ours.value("HG_TWO")).contains("first from-o2/x");
    assertThat(ours.overrides()).hasSize(2);
  }

  @Test
  void fwSearchLinesCountOnlyInTheMainFile() throws IOException {
    String noSearchAll = debian().replaceFirst("(?m)^FW_SEARCH_ALL\\s[^\\n]*\\n", "");
    for (String main : List.of(debian(), noSearchAll)) {
      Case c = write("search", main, List.of("FW_SEARCH_ALL N;\nFW_MSG_SEARCH OVR;\n"));
      PsadOracle.Outcome real = PsadOracle.dump(c.main(), c.list());
      PsadConfig ours = c.load();
      assertThat(PsadOracle.lines(ours.dump())).containsExactlyElementsOf(real.configBlock());
      assertThat(ours.fwMsgSearch()).doesNotContain("OVR");
    }
  }

  @Test
  void mixedCharsetsDumpPsadsBytes() throws IOException {
    Path main = tmp.resolve("latin.conf");
    byte[] base = Files.readAllBytes(PsadDumpDifferentialTest.DEBIAN_CONF);
    byte[] extra = "X_LATIN caf\u00e9 $HG_U;\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    Files.write(main, all);
    Path o = write("utf8.conf", "HG_U na\u00efve;\nHG_\u00e9 x;\n");
    byte[] real =
        dev.hostguard.testing.RealTools.run(
                dev.hostguard.exec.Command.of(
                    RealTool.PSAD.require().toString(),
                    "-c",
                    main.toString(),
                    "-O",
                    o.toString(),
                    "-D"))
            .stdoutBytes();
    String latin = new String(real, StandardCharsets.ISO_8859_1);
    String block =
        latin.substring(
            latin.indexOf("[+] Dumping psad config from:"), latin.indexOf("[+] Command paths:"));
    PsadConfig ours = new Case(main, List.of(o)).load();
    assertThat(new String(ours.dumpBytes(), StandardCharsets.ISO_8859_1)).isEqualTo(block);
  }

  static Stream<Arguments> fatalOverrides() {
    return Stream.of(
        Arguments.of("bad ENABLE value", "ENABLE_PERSISTENCE maybe;\n", "ENABLE_PERSISTENCE"),
        Arguments.of("undefined variable", "\n\nHG_X a $NOT_THERE;\n", "HG_X"),
        Arguments.of("self reference", "HG_SELF $HG_SELF;\n", "HG_SELF"),
        Arguments.of("digit range", "TOP_IP_LOG_THRESHOLD 10001;\n", "TOP_IP_LOG_THRESHOLD"),
        Arguments.of("bad email", "EMAIL_ADDRESSES nobody;\n", "EMAIL_ADDRESSES"),
        Arguments.of("unknown command", "# c\nhgnosuchCmd /nonexistent/hgnosuch;\n", "hgnosuch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fatalOverrides")
  void fatalOverridesFailLikePsadAtTheOverridesLine(String name, String override, String key)
      throws IOException {
    Case c = write("fatal", debian(), List.of("HG_FIRST ok;\n", override));
    PsadOracle.Outcome real = PsadOracle.dump(c.main(), c.list());
    assertThat(real.exitStatus()).isNotZero();
    assertThat(real.configBlock()).isEmpty();
    String overrideName = c.overrides().get(1).toString();
    assertThatThrownBy(c::load)
        .isInstanceOfSatisfying(
            PsadConfParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(real.message());
              assertThat(e.exitStatus()).isEqualTo(real.exitStatus());
              assertThat(e.sourceName()).isEqualTo(overrideName);
              assertThat(e.lineText()).contains(key);
            });
  }

  @Test
  void missingKeyMessageNamesTheMainFile() throws IOException {
    Case c = write("nohost", debian().replaceFirst("(?m)^HOSTNAME\\s[^\\n]*\\n", ""), List.of(""));
    PsadOracle.Outcome real = PsadOracle.dump(c.main(), c.list());
    assertThatThrownBy(c::load)
        .isInstanceOfSatisfying(
            PsadConfParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(real.message()).contains(c.main().toString());
              assertThat(e.exitStatus()).isEqualTo(real.exitStatus());
            });
    Case fixed = write("withhost", Files.readString(c.main()), List.of("HOSTNAME h;\n"));
    assertThat(PsadOracle.lines(fixed.load().dump()))
        .containsExactlyElementsOf(PsadOracle.dump(fixed.main(), fixed.list()).configBlock());
  }
}
