package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import dev.hostguard.core.LineDocument;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads {@code psad --fw-analyze} text into a {@link PsadFwAnalysis}: the chains parsed, the
 * verdict ({@code looks good}, or {@code [-]}/{@code [*]} error lines with the recommendations
 * under them), where the results went and whom they were mailed to.
 */
final class PsadFwAnalysisParser {
  private static final String GOOD = "[+] Firewall config looks good.";
  private static final String RESULTS = "[+] Results in ";
  private static final String PARSING = "[+] Parsing ";
  private static final String CHAIN_RULES = " chain rules.";
  private static final String EMAILED = "emailed to ";

  private PsadFwAnalysisParser() {}

  /**
   * Parses {@code psad --fw-analyze} output.
   *
   * @throws PsadFwAnalysisParseException at a line psad does not print there
   */
  static PsadFwAnalysis parse(String sourceName, String text) {
    requireNonNull(text, "text");
    LineDocument lines = LineDocument.parse(sourceName, text);
    boolean good = false;
    boolean errors = false;
    PsadFwAnalysis.Builder out =
        PsadFwAnalysis.builder().sourceName(sourceName).printedText(lines.render());
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.text(i).strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.equals(GOOD)) {
        good = true;
      } else if (t.startsWith(RESULTS)) {
        out.resultsFile(path(lines, i, t.substring(RESULTS.length())));
      } else if (t.startsWith(PARSING)
          && t.endsWith(CHAIN_RULES)
          && t.length() >= PARSING.length() + CHAIN_RULES.length()) {
        // (the two share no characters: "[+] Parsing chain rules." names no chain)
        out.addParsedChains(t.substring(PARSING.length(), t.length() - CHAIN_RULES.length()));
      } else if (t.startsWith(EMAILED) && errors) {
        out.emailedTo(t.substring(EMAILED.length()));
      } else if (t.startsWith("[-]") || t.startsWith("[*]")) {
        errors = true;
      } else if (!t.startsWith("[+]") && !errors) {
        // recommendations psad prints under an error line are allowed; nothing else is
        throw PsadFwAnalysisParseException.inDocument(
            lines, i, 0, "not a line of psad --fw-analyze");
      }
    }
    return out.good(good && !errors).errorsFound(errors).build();
  }

  private static Path path(LineDocument lines, int index, String text) {
    try {
      if (text.indexOf('\0') < 0) {
        return Path.of(text);
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    throw PsadFwAnalysisParseException.inDocument(lines, index, 0, "not a path: " + text);
  }
}
