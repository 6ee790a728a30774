package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The output of {@code psad --fw-analyze}: whether psad found the firewall config good or found
 * errors, the chains it parsed, and where it wrote the results.
 *
 * <pre>{@code
 * PsadFwAnalysis a = PsadFwAnalysis.parse("<stdin>", text);
 * a.isGood(); a.resultsFile(); // true, Optional[/var/log/psad/fw_check]
 * }</pre>
 */
public final class PsadFwAnalysis implements LosslessDocument {
  private static final String GOOD = "[+] Firewall config looks good.";
  private static final String RESULTS = "[+] Results in ";

  private final LineDocument lines;
  private final boolean good;
  private final boolean errorsFound;
  private final ImmutableList<String> parsedChains;
  private final @Nullable String resultsFile;
  private final @Nullable String emailedTo;

  private PsadFwAnalysis(LineDocument lines) {
    this.lines = lines;
    boolean g = false;
    boolean errors = false;
    String results = null;
    String mailed = null;
    ImmutableList.Builder<String> chains = ImmutableList.builder();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.text(i).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals(GOOD)) {
        g = true;
      } else if (t.startsWith(RESULTS)) {
        results = t.substring(RESULTS.length());
      } else if (t.startsWith("[+] Parsing ") && t.endsWith(" chain rules.")) {
        chains.add(t.substring("[+] Parsing ".length(), t.length() - " chain rules.".length()));
      } else if (t.startsWith("emailed to ") && errors) {
        mailed = t.substring("emailed to ".length());
      } else if (t.startsWith("[-]") || t.startsWith("[*]")) {
        errors = true;
      } else if (!t.startsWith("[+]")) {
        // recommendations psad prints under an error line
        if (!errors) {
          throw PsadFwAnalysisParseException.inDocument(
              lines, i, 0, "not a line of psad --fw-analyze");
        }
      }
    }
    this.good = g && !errors;
    this.errorsFound = errors;
    this.parsedChains = chains.build();
    this.resultsFile = results;
    this.emailedTo = mailed;
  }

  /**
   * Parses {@code psad --fw-analyze} output.
   *
   * @throws PsadFwAnalysisParseException at a line psad does not print there
   */
  public static PsadFwAnalysis parse(String sourceName, String text) {
    requireNonNull(text, "text");
    return new PsadFwAnalysis(LineDocument.parse(sourceName, text));
  }

  /** {@code [+] Firewall config looks good.} and no error lines. */
  public boolean isGood() {
    return good;
  }

  /** Whether psad printed {@code [-]} or {@code [*]} lines (problems in the ruleset). */
  public boolean errorsFound() {
    return errorsFound;
  }

  /** Chains psad parsed, in printed order ({@code INPUT} may appear twice, for IPv4 and IPv6). */
  public ImmutableList<String> parsedChains() {
    return parsedChains;
  }

  /** The file psad wrote the results to. */
  public Optional<String> resultsFile() {
    return Optional.ofNullable(resultsFile);
  }

  /** The addresses psad says it mailed the errors to ({@code emailed to ...}). */
  public Optional<String> emailedTo() {
    return Optional.ofNullable(emailedTo);
  }

  @Override
  public String sourceName() {
    return lines.sourceName();
  }

  /** The text, as parsed. */
  @Override
  public String render() {
    return lines.render();
  }

  /** The text as UTF-8. */
  @Override
  public byte[] toBytes() {
    return render().getBytes(StandardCharsets.UTF_8);
  }

  /** The text. */
  @Override
  public String toString() {
    return render();
  }
}
