package dev.hostguard.psad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hostguard.core.Diagnostic;
import dev.hostguard.exec.Command;
import dev.hostguard.exec.CommandResult;
import dev.hostguard.testing.RealTool;
import dev.hostguard.testing.RealTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code psad -c FILE -D} and cuts out what {@code hostguard psad -D} mirrors. */
final class PsadOracle {
  private PsadOracle() {}

  /** The real run: stdout's config block (or empty), psad's die message, exit status. */
  record Outcome(List<String> configBlock, String message, int exitStatus) {}

  static Outcome dump(Path conf) {
    CommandResult r = RealTools.psadDump(conf);
    return new Outcome(configBlock(r.stdout()), dieMessage(r.stderr()), r.exitCode());
  }

  /** The real {@code psad -c conf -O overrideList -D}. */
  static Outcome dump(Path conf, String overrideList) {
    CommandResult r =
        RealTools.run(
            Command.of(
                RealTool.PSAD.require().toString(),
                "-c",
                conf.toString(),
                "-O",
                overrideList,
                "-D"));
    return new Outcome(configBlock(r.stdout()), dieMessage(r.stderr()), r.exitCode());
  }

  /**
   * psad died on {@code conf} (nothing dumped): our load throws its message and exit status, and
   * validate lists the message as a fatal problem.
   */
  static void assertLoadFailsLikePsad(Path conf) throws IOException {
    Outcome real = dump(conf);
    assertThat(real.exitStatus()).as(real.message()).isNotZero();
    assertThat(real.configBlock()).isEmpty();
    PsadConfDocument doc = PsadConfDocument.parse(conf.toString(), Files.readAllBytes(conf));
    assertThatThrownBy(() -> PsadConfig.of(doc, PsadHost.local()))
        .isInstanceOfSatisfying(
            PsadConfParseException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(real.message());
              assertThat(e.exitStatus()).isEqualTo(real.exitStatus());
            });
    assertThat(PsadConfig.validate(doc, PsadHost.local()))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::message)
        .contains(real.message());
  }

  /** Lines from "[+] Dumping psad config from:" up to, not including, "[+] Command paths:". */
  static List<String> configBlock(String stdout) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : stdout.split("\n", -1)) {
      if (line.startsWith("[+] Dumping psad config from: ")) {
        in = true;
      }
      if (line.equals("[+] Command paths:")) {
        return out;
      }
      if (in) {
        out.add(line);
      }
    }
    return in ? out : List.of();
  }

  /** psad's die text without Perl's " at /usr/sbin/psad line N." suffix. */
  static String dieMessage(String stderr) {
    String[] chunks = stderr.split(" at /usr/sbin/psad line \\d+\\.\n");
    return chunks.length == 0 ? "" : chunks[chunks.length - 1].strip();
  }

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
