package dev.hostguard.ufw.iptables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.SourcePosition;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RequiresRealTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class IptablesRestoreDocumentTest {
  private static final Path SHARE = Path.of("/usr/share/ufw/iptables");

  static String stock(String name) throws Exception {
    return Files.readString(SHARE.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  @RequiresRealTool(RealTool.UFW)
  void everyShippedRulesFileRoundTripsAndIsValid() throws Exception {
    List<Path> files = ShippedRulesLoadTest.shippedRules();
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      IptablesRestoreDocument doc = IptablesRestoreDocument.parse(f.toString(), bytes);
      assertThat(doc.toBytes()).as(f.toString()).isEqualTo(bytes);
      assertThat(doc.validate()).as(f.toString()).isEmpty();
      assertThat(doc.tables()).as(f.toString()).containsExactly("filter");
    }
  }

  @Test
  @RequiresRealTool(RealTool.UFW)
  void psadEditGoesBeforeTheCommitNoteOnceAndIsRemovable() throws Exception {
    String stock = stock("before.rules");
    IptablesRestoreDocument doc = IptablesRestoreDocument.parseValid("before.rules", stock);
    IptablesRestoreDocument once = IptablesPsadLogging.apply(doc);
    assertThat(IptablesPsadLogging.isApplied(doc)).isFalse();
    assertThat(IptablesPsadLogging.isApplied(once)).isTrue();
    assertThat(IptablesPsadLogging.apply(once)).isEqualTo(once);
    assertThat(once.render())
        .endsWith(
            "\n# log all traffic so psad can analyze\n"
                + "-A INPUT -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n"
                + "-A FORWARD -j LOG --log-tcp-options --log-prefix \"[IPTABLES] \"\n"
                + "\n"
                + "# don't delete the 'COMMIT' line or these rules won't be processed\n"
                + "COMMIT\n");
    assertThat(IptablesPsadLogging.remove(once).render()).isEqualTo(stock);
    assertThat(IptablesPsadLogging.remove(doc)).isEqualTo(doc);
    // only the three lines and one blank line are new
    assertThat(once.lines()).hasSize(doc.lines().size() + 4);
  }

  @Test
  void psadEditWithoutCommentBeforeCommit() {
    String text = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\nCOMMIT";
    IptablesRestoreDocument doc =
        IptablesPsadLogging.apply(IptablesRestoreDocument.parseValid("t", text));
    assertThat(doc.render())
        .isEqualTo(
            "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCEPT\n"
                + String.join("\n", IptablesPsadLogging.LINES)
                + "\nCOMMIT");
    assertThat(IptablesPsadLogging.remove(doc).render()).isEqualTo(text);
  }

  @Test
  @RequiresRealTool(RealTool.UFW)
  void typedRules() throws Exception {
    IptablesRestoreDocument doc =
        IptablesRestoreDocument.parseValid("user.rules", stock("user.rules"));
    IptablesRule limitLog =
        doc.rules("filter").stream()
            .filter(r -> r.chain().equals("ufw-user-limit"))
            .findFirst()
            .orElseThrow();
    assertThat(limitLog.command()).isEqualTo("-A");
    assertThat(limitLog.matches()).hasSize(1);
    assertThat(limitLog.matches().get(0).module()).isEqualTo("limit");
    assertThat(limitLog.matches().get(0).options().get(0))
        .isEqualTo(new IptablesOption(false, "--limit", ImmutableList.of("3/minute")));
    IptablesTarget t = limitLog.target().orElseThrow();
    assertThat(t.name()).isEqualTo("LOG");
    assertThat(t.options())
        .containsExactly(
            new IptablesOption(false, "--log-prefix", ImmutableList.of("[UFW LIMIT BLOCK] ")));
    assertThat(doc.chains("filter").get(0).policy()).contains("-");

    IptablesRule r =
        IptablesLine.of(
                "-A ufw-before-input ! -s 10.0.0.0/8 -p udp --sport 67 -m conntrack"
                    + " --ctstate RELATED,ESTABLISHED -j ACCEPT")
            .rule();
    assertThat(r.options())
        .containsExactly(
            new IptablesOption(true, "-s", ImmutableList.of("10.0.0.0/8")),
            new IptablesOption(false, "-p", ImmutableList.of("udp")),
            new IptablesOption(false, "--sport", ImmutableList.of("67")));
    assertThat(r.matches().get(0).module()).isEqualTo("conntrack");
    assertThat(r.target().orElseThrow().name()).isEqualTo("ACCEPT");
  }

  @Test
  void parseValidThrowsFirstProblemWithPosition() {
    assertThatThrownBy(() -> IptablesRestoreDocument.parseValid("b.rules", "*filter\nCOMMIT \n"))
        .isInstanceOf(IptablesParseException.class)
        .hasMessage("b.rules:2:1: Bad argument `COMMIT'");
  }

  @Test
  void validateReportsEveryErrorAsADiagnosticWithLineAndColumn() {
    String text = "*filter\n-A INPUT -j LOG --log-prefix \"x\nCOMMIT \n*nope\nCOMMIT\n";
    List<Diagnostic> found = IptablesRestoreDocument.parse("b.rules", text).validate();
    assertThat(found)
        .containsExactly(
            Diagnostic.error(
                "b.rules",
                SourcePosition.of(2, 30, 37),
                "-A INPUT -j LOG --log-prefix \"x",
                "Unterminated quote"),
            Diagnostic.error(
                "b.rules", SourcePosition.of(3, 1, 40), "COMMIT ", "Bad argument `COMMIT'"),
            Diagnostic.error(
                "b.rules", SourcePosition.of(4, 1, 48), "*nope", "Bad argument `*nope'"));
    assertThat(found.get(0).toString()).isEqualTo("b.rules:2:30: error: Unterminated quote");
    // a table left open is reported after the last line
    Diagnostic open = IptablesRestoreDocument.parse("o.rules", "*filter\n").validate().get(0);
    assertThat(open.position()).isEqualTo(SourcePosition.of(2, 1, 8));
    assertThat(open.lineText()).isEmpty();
    assertThat(open.message()).isEqualTo("COMMIT expected at line 2");
    assertThatThrownBy(
            () ->
                IptablesRestoreDocument.parseValid(
                    "b.rules", "*filter\nCOMMIT \n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IptablesParseException.class)
        .hasMessage("b.rules:2:1: Bad argument `COMMIT'");
    LosslessDocument doc = IptablesRestoreDocument.parse("b.rules", text);
    assertThat(doc.sourceName()).isEqualTo("b.rules");
    assertThat(doc.toBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anyTextRoundTrips() {
    Gen<String> piece =
        Generate.pick(
            List.of(
                "*filter",
                "*nat",
                "COMMIT",
                "COMMIT ",
                ":INPUT ACCEPT [0:0]",
                "-A",
                " ",
                "\t",
                "\"",
                "\\",
                "#",
                "x",
                "\n",
                "\r\n",
                "\r",
                "é",
                "[IPTABLES] "));
    qt().withFixedSeed(4L)
        .withExamples(500)
        .forAll(lists().of(piece).ofSizeBetween(0, 30))
        .check(
            parts -> {
              String text = String.join("", parts);
              IptablesRestoreDocument doc = IptablesRestoreDocument.parse("t", text);
              doc.validate();
              return doc.render().equals(text);
            });
  }

  @Test
  void joinedArgumentsSplitBack() {
    Gen<String> arg =
        strings()
            .betweenCodePoints(0x20, 0x7e)
            .ofLengthBetween(0, 8)
            .mix(Generate.pick(List.of("#x", "a b", "\"", "\\\"")));
    qt().withFixedSeed(5L)
        .withExamples(500)
        .forAll(lists().of(arg).ofSizeBetween(1, 6))
        .check(
            args -> IptablesArguments.split(IptablesArguments.join(args)).arguments().equals(args));
  }
}
