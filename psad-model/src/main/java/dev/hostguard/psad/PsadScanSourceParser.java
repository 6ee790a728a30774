package dev.hostguard.psad;

import com.google.common.collect.ImmutableList;
import dev.hostguard.core.LineDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code SRC:} block of {@code psad --Status}'s IP status detail, line by line, in the
 * format psad 2.4.6's {@code print_scan_status} prints: the source line, OS fingerprints, then
 * {@code DST:} blocks of scanned ports, protocol totals, signature matches (two lines each) and
 * invalid ICMP types or codes.
 */
final class PsadScanSourceParser {
  static final Pattern SOURCE =
      Pattern.compile(
          "^SRC:  (\\S+)(?: \\((\\S+)\\))?, DL: (\\d+), Dsts: (\\d+), Pkts: (\\d+), Total"
              + " protocols: (\\d+), Unique sigs: (\\d+)(?:, Email alerts: (\\d+))?(, Local IP)?$");
  private static final String OS_ONE = "    Source OS fingerprint:";
  private static final String OS_MANY = "    Source OS fingerprint(s):";
  private static final String OS_INDENT = "        ";
  private static final Pattern DESTINATION =
      Pattern.compile("^    DST: (\\S+)(?: \\((\\S+)\\))?(, Local IP)?$");
  private static final Pattern PORTS =
      Pattern.compile(
          "^        Scanned ports: ([A-Z]+) (\\d+)(?:-(\\d+))?, Pkts: (\\d+), Chain: (\\S*),"
              + " Intf: (\\S*)$");
  private static final Pattern TOTAL =
      Pattern.compile("^        Total scanned IP protocols: (\\d+), Chain: (\\S*), Intf: (\\S*)$");
  private static final Pattern SIGNATURE = Pattern.compile("^        Signature match: \"(.*)\"$");
  private static final Pattern SIGNATURE_DETAIL =
      Pattern.compile(
          "^            (\\S+), Chain: (\\S*), Count: (\\d+)(?:, DP: (\\d+)(?:, (.*))?)?,"
              + " Sid: (\\d+)$");
  private static final Pattern INVALID_TYPE =
      Pattern.compile("^        Invalid (ICMP6?) type: \"(.*)\" Chain: (\\S*), Packets: (\\d+)$");
  private static final Pattern INVALID_CODE =
      Pattern.compile(
          "^        Invalid (ICMP6?) code: \"(.*)\" for ICMP6? \"(.*)\" packet Chain: (\\S*),"
              + " Packets: (\\d+)$");

  private final LineDocument lines;
  private final List<String> os = new ArrayList<>();
  private final List<PsadScanDestination> destinations = new ArrayList<>();
  private @Nullable Destination current;

  /** A {@code DST:} block being read. */
  private static final class Destination {
    final Matcher head;
    final List<PsadPortScan> ports = new ArrayList<>();
    final List<PsadProtocolTotal> totals = new ArrayList<>();
    final List<PsadSignatureMatch> signatures = new ArrayList<>();
    final List<PsadInvalidIcmp> icmp = new ArrayList<>();
    final List<String> text = new ArrayList<>();
    @Nullable String signatureMessage;

    Destination(Matcher head, String line) {
      this.head = head;
      text.add(line);
    }

    PsadScanDestination build() {
      return new PsadScanDestination(
          head.group(1),
          Optional.ofNullable(head.group(2)),
          head.group(3) != null,
          ImmutableList.copyOf(ports),
          ImmutableList.copyOf(totals),
          ImmutableList.copyOf(signatures),
          ImmutableList.copyOf(icmp),
          ImmutableList.copyOf(text));
    }
  }

  private PsadScanSourceParser(LineDocument lines) {
    this.lines = lines;
  }

  /**
   * The block whose lines are at these indices (the {@code SRC:} line first, blank lines left out).
   *
   * @throws PsadStatusParseException at the first line psad does not print there
   */
  static PsadScanSource parse(LineDocument lines, List<Integer> block) {
    return new PsadScanSourceParser(lines).read(block);
  }

  private PsadScanSource read(List<Integer> block) {
    int first = block.get(0);
    Matcher src = SOURCE.matcher(lines.text(first));
    if (!src.matches()) {
      throw PsadStatusParseException.inDocument(lines, first, 0, "expected a SRC: line");
    }
    boolean osSection = false;
    ImmutableList.Builder<String> details = ImmutableList.builder();
    for (int k = 1; k < block.size(); k++) {
      int i = block.get(k);
      String t = lines.text(i);
      details.add(t);
      if (current != null && current.signatureMessage != null) {
        signatureDetail(i, t);
      } else if (current == null && (t.equals(OS_ONE) || t.equals(OS_MANY))) {
        osSection = true;
      } else if (current == null && osSection && t.startsWith(OS_INDENT)) {
        os.add(t.substring(OS_INDENT.length()));
      } else {
        Matcher m = DESTINATION.matcher(t);
        if (m.matches()) {
          finish();
          current = new Destination(m, t);
        } else if (current == null) {
          throw PsadStatusParseException.inDocument(
              lines, i, 0, "expected a DST: line or a source OS fingerprint");
        } else {
          current.text.add(t);
          destinationLine(current, i, t);
        }
      }
    }
    if (current != null && current.signatureMessage != null) {
      int last = block.get(block.size() - 1);
      throw PsadStatusParseException.inDocument(
          lines, last + 1, 0, "expected the protocol line of a signature match");
    }
    finish();
    return new PsadScanSource(
        src.group(1),
        Optional.ofNullable(src.group(2)),
        (int) Math.min(number(src.group(3)), Integer.MAX_VALUE),
        number(src.group(4)),
        number(src.group(5)),
        number(src.group(6)),
        number(src.group(7)),
        Optional.ofNullable(src.group(8)).map(PsadScanSourceParser::number),
        src.group(9) != null,
        ImmutableList.copyOf(os),
        ImmutableList.copyOf(destinations),
        lines.text(first),
        details.build());
  }

  private void finish() {
    if (current != null) {
      destinations.add(current.build());
      current = null;
    }
  }

  private void destinationLine(Destination d, int i, String t) {
    Matcher ports = PORTS.matcher(t);
    Matcher total = TOTAL.matcher(t);
    Matcher signature = SIGNATURE.matcher(t);
    Matcher type = INVALID_TYPE.matcher(t);
    Matcher code = INVALID_CODE.matcher(t);
    if (ports.matches()) {
      int start = port(ports.group(2));
      d.ports.add(
          new PsadPortScan(
              ports.group(1),
              start,
              ports.group(3) == null ? start : port(ports.group(3)),
              number(ports.group(4)),
              ports.group(5),
              ports.group(6)));
    } else if (total.matches()) {
      d.totals.add(new PsadProtocolTotal(number(total.group(1)), total.group(2), total.group(3)));
    } else if (signature.matches()) {
      d.signatureMessage = signature.group(1);
    } else if (type.matches()) {
      d.icmp.add(
          new PsadInvalidIcmp(
              type.group(1),
              false,
              type.group(2),
              Optional.empty(),
              type.group(3),
              number(type.group(4))));
    } else if (code.matches()) {
      d.icmp.add(
          new PsadInvalidIcmp(
              code.group(1),
              true,
              code.group(2),
              Optional.of(code.group(3)),
              code.group(4),
              number(code.group(5))));
    } else {
      throw PsadStatusParseException.inDocument(lines, i, 0, "expected a line of a DST: block");
    }
  }

  private void signatureDetail(int i, String t) {
    Destination d = current;
    String message = d == null ? null : d.signatureMessage;
    Matcher m = SIGNATURE_DETAIL.matcher(t);
    if (d == null || message == null || !m.matches()) {
      throw PsadStatusParseException.inDocument(
          lines, i, 0, "expected the protocol line of a signature match");
    }
    d.text.add(t);
    d.signatures.add(
        new PsadSignatureMatch(
            message,
            m.group(1),
            m.group(2),
            number(m.group(3)),
            Optional.ofNullable(m.group(4)).map(PsadScanSourceParser::port),
            Optional.ofNullable(m.group(5)),
            number(m.group(6))));
    d.signatureMessage = null;
  }

  private static long number(String digits) {
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  private static int port(String digits) {
    return (int) Math.min(number(digits), Integer.MAX_VALUE);
  }
}
