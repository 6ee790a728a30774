package dev.hostguard.psad;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.HostguardStyle;
import dev.hostguard.core.LosslessDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The output of {@code psad --fw-analyze}: whether psad found the firewall config good or found
 * errors, the chains it parsed, and where it wrote the results. Parsed, it renders the exact text
 * psad printed; built (or changed with a {@code with…} method), it renders in {@code
 * fwcheck_psad}'s layout from its values (the recommendations printed under an error, which it does
 * not model, are left out).
 *
 * <pre>{@code
 * PsadFwAnalysis a = PsadFwAnalysis.parse("<stdin>", text);
 * a.isGood(); a.resultsFile(); // true, Optional[/var/log/psad/fw_check]
 * }</pre>
 */
@Value.Immutable
@HostguardStyle
abstract class AbstractPsadFwAnalysis implements LosslessDocument {

  /**
   * Parses {@code psad --fw-analyze} output.
   *
   * @throws PsadFwAnalysisParseException at a line psad does not print there
   */
  public static PsadFwAnalysis parse(String sourceName, String text) {
    return PsadFwAnalysisParser.parse(sourceName, text);
  }

  /** The name it was parsed under; {@code psad --fw-analyze} if built. */
  @Override
  @Value.Default
  @Value.Auxiliary
  public String sourceName() {
    return "psad --fw-analyze";
  }

  /**
   * The text psad printed, for a parsed analysis; {@link #render()} gives it back while the values
   * are the ones read from it.
   */
  @Value.Auxiliary
  public abstract Optional<String> printedText();

  /** {@code [+] Firewall config looks good.} and no error lines. */
  @Value.Default
  public boolean isGood() {
    return false;
  }

  /** Whether psad printed {@code [-]} or {@code [*]} lines (problems in the ruleset). */
  @Value.Default
  public boolean errorsFound() {
    return false;
  }

  /** Chains psad parsed, in printed order ({@code INPUT} may appear twice, for IPv4 and IPv6). */
  public abstract ImmutableList<String> parsedChains();

  /** The file psad wrote the results to. */
  public abstract Optional<Path> resultsFile();

  /** The addresses psad says it mailed the errors to ({@code emailed to ...}). */
  public abstract Optional<String> emailedTo();

  /** A config is good or has errors, not both; only errors are mailed. */
  @Value.Check
  protected void check() {
    if (isGood() && errorsFound()) {
      throw new PsadRefusedException("psad finds a firewall config good or in error, not both");
    }
    if (emailedTo().isPresent() && !errorsFound()) {
      throw new PsadRefusedException("psad mails only the errors it found");
    }
  }

  /**
   * The text: what psad printed when this analysis was parsed from it and its values are unchanged,
   * otherwise {@code fwcheck_psad}'s layout of the values.
   */
  @Override
  @Value.Lazy
  public String render() {
    Optional<String> printed = printedText();
    if (printed.isPresent()
        && PsadFwAnalysisParser.parse(sourceName(), printed.get()).equals(this)) {
      return printed.get();
    }
    StringBuilder out = new StringBuilder();
    for (String chain : parsedChains()) {
      out.append("[+] Parsing ").append(chain).append(" chain rules.\n");
    }
    if (errorsFound()) {
      out.append("[-] Errors found in firewall config.\n");
      emailedTo().ifPresent(to -> out.append("    emailed to ").append(to).append('\n'));
    } else if (isGood()) {
      out.append("[+] Firewall config looks good.\n[+] Completed check of firewall ruleset.\n");
    }
    resultsFile().ifPresent(f -> out.append("[+] Results in ").append(f).append('\n'));
    if (out.length() > 0) {
      out.append("[+] Exiting.\n");
    }
    return out.toString();
  }

  /** {@link #render()} as UTF-8. */
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
