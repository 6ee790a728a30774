package dev.hostguard.ufw.iptables;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.hostguard.core.Diagnostic;
import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LineTerminator;
import dev.hostguard.core.LosslessDocument;
import dev.hostguard.core.internal.InputLimits;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lossless iptables-restore file ({@code before.rules}, {@code after6.rules}, {@code
 * user.rules}...): every line kept byte for byte and classified (table, chain, rule, comment,
 * blank, COMMIT), validated as iptables-restore does, and edited line by line.
 *
 * <pre>{@code
 * IptablesRestoreDocument doc = IptablesRestoreDocument.parseValid("before.rules", text);
 * doc = IptablesPsadLogging.apply(doc); // adds psad's LOG lines before COMMIT, once
 * }</pre>
 */
public final class IptablesRestoreDocument implements LosslessDocument {
  private static final ImmutableSet<String> TABLES =
      ImmutableSet.of("filter", "nat", "mangle", "raw", "security");

  private static final IptablesLineKind[] KINDS = IptablesLineKind.values();

  private final LineDocument document;

  /**
   * The kind of each line; the lines themselves stay in the document (a file of 300,000 lines costs
   * about its own size, not a String and two objects a line).
   */
  private final byte[] kinds;

  private volatile @Nullable ImmutableList<IptablesLine> lines;

  private IptablesRestoreDocument(LineDocument document) {
    this.document = document;
    this.kinds = new byte[document.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = (byte) IptablesLine.kindOf(document.text(i)).ordinal();
    }
  }

  private int size() {
    return kinds.length;
  }

  private IptablesLineKind kind(int i) {
    return KINDS[kinds[i]];
  }

  private IptablesLine line(int i) {
    return new IptablesLine(kind(i), document.text(i));
  }

  /**
   * Reads any text losslessly; {@link #validate()} says what iptables-restore would refuse.
   *
   * @throws IptablesParseException for text past hostguard's input limits (32 MiB, 64 Ki characters
   *     a line)
   */
  public static IptablesRestoreDocument parse(String sourceName, String text) {
    InputLimits.check(sourceName, text)
        .ifPresent(
            d -> {
              throw IptablesParseException.of(d);
            });
    return new IptablesRestoreDocument(LineDocument.parse(sourceName, text));
  }

  /** Reads bytes losslessly (invalid UTF-8 kept as bytes). */
  public static IptablesRestoreDocument parse(String sourceName, byte[] bytes) {
    InputLimits.check(sourceName, bytes)
        .ifPresent(
            d -> {
              throw IptablesParseException.of(d);
            });
    return new IptablesRestoreDocument(LineDocument.parse(sourceName, bytes));
  }

  /**
   * Reads a file iptables-restore would accept; the first error of {@link #validate()} is thrown
   * otherwise, as an {@link IptablesParseException}.
   */
  public static IptablesRestoreDocument parseValid(String sourceName, String text) {
    return parse(sourceName, text).requireValid();
  }

  /** Reads bytes iptables-restore would accept, as {@link #parseValid(String, String)}. */
  public static IptablesRestoreDocument parseValid(String sourceName, byte[] bytes) {
    return parse(sourceName, bytes).requireValid();
  }

  /**
   * This document if {@link #validate()} finds no error, else the first error as an {@link
   * IptablesParseException}.
   */
  public IptablesRestoreDocument requireValid() {
    for (Diagnostic d : validate()) {
      if (d.isError()) {
        throw IptablesParseException.of(d);
      }
    }
    return this;
  }

  @Override
  public String sourceName() {
    return document.sourceName();
  }

  /** Every line, classified. */
  public ImmutableList<IptablesLine> lines() {
    ImmutableList<IptablesLine> l = lines;
    if (l == null) {
      ImmutableList.Builder<IptablesLine> b = ImmutableList.builderWithExpectedSize(size());
      for (int i = 0; i < size(); i++) {
        b.add(line(i));
      }
      l = b.build();
      lines = l;
    }
    return l;
  }

  /** The text exactly as read (plus edits). */
  @Override
  public String render() {
    return document.render();
  }

  /** The bytes exactly as read (plus edits). */
  @Override
  public byte[] toBytes() {
    return document.toBytes();
  }

  @Override
  public String toString() {
    return render();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IptablesRestoreDocument d && d.document.equals(document);
  }

  @Override
  public int hashCode() {
    return document.hashCode();
  }

  /** The table names in order of their {@code *table} lines. */
  public ImmutableList<String> tables() {
    ImmutableList.Builder<String> b = ImmutableList.builder();
    for (int i = 0; i < size(); i++) {
      if (kind(i) == IptablesLineKind.TABLE) {
        b.add(line(i).tableName());
      }
    }
    return b.build();
  }

  /** The chain declarations of a table, in order. */
  public ImmutableList<IptablesChain> chains(String table) {
    int[] span = span(table);
    ImmutableList.Builder<IptablesChain> b = ImmutableList.builder();
    for (int i = span[0] + 1; i < span[1]; i++) {
      if (kind(i) == IptablesLineKind.CHAIN) {
        b.add(line(i).chain());
      }
    }
    return b.build();
  }

  /** The typed rules of a table, in order. */
  public ImmutableList<IptablesRule> rules(String table) {
    int[] span = span(table);
    ImmutableList.Builder<IptablesRule> b = ImmutableList.builder();
    for (int i = span[0] + 1; i < span[1]; i++) {
      if (kind(i) == IptablesLineKind.RULE) {
        b.add(line(i).rule());
      }
    }
    return b.build();
  }

  /**
   * Every reason iptables-restore would refuse this file, in line order, as {@link
   * Diagnostic.Severity#ERROR} diagnostics with iptables-restore's wording where it has one.
   */
  public ImmutableList<Diagnostic> validate() {
    List<Diagnostic> out = new ArrayList<>();
    boolean inTable = false;
    for (int i = 0; i < size(); i++) {
      IptablesLine l = line(i);
      String text = l.text();
      if (document.line(i).terminator() == LineTerminator.CRLF) {
        out.add(problem(i, text.length(), "carriage return at end of line"));
      }
      switch (l.kind()) {
        case BLANK, COMMENT -> {
          // nothing to check
        }
        case TABLE -> {
          if (inTable) {
            out.add(problem(i, 0, "Bad argument `" + firstWord(text) + "'"));
          } else if (!TABLES.contains(l.tableName())) {
            out.add(problem(i, 1, "table name '" + l.tableName() + "' invalid"));
          }
          inTable = true;
        }
        case CHAIN -> {
          if (!inTable) {
            out.add(outsideTable(i));
          } else {
            IptablesChain c = l.chain();
            if (c.name().isEmpty()) {
              out.add(problem(i, 1, "chain name invalid"));
            } else if (c.policy().isEmpty()) {
              out.add(problem(i, text.length(), "policy invalid"));
            }
          }
        }
        case COMMIT -> {
          if (!inTable) {
            out.add(outsideTable(i));
          }
          inTable = false;
        }
        case RULE -> {
          if (!inTable) {
            out.add(outsideTable(i));
          } else {
            checkRule(i, text, out);
          }
        }
      }
    }
    if (inTable) {
      out.add(
          Diagnostic.error(
              document.sourceName(),
              document.position(size(), 0),
              "",
              "COMMIT expected at line " + (size() + 1)));
    }
    return ImmutableList.copyOf(out);
  }

  private void checkRule(int i, String text, List<Diagnostic> out) {
    IptablesArguments a = IptablesArguments.split(text);
    if (a.unterminatedQuote() >= 0) {
      out.add(problem(i, a.unterminatedQuote(), "Unterminated quote"));
      return;
    }
    ImmutableList<String> args = a.arguments();
    if (args.isEmpty()) {
      out.add(problem(i, 0, "no command specified"));
      return;
    }
    for (int k = 0; k < args.size(); k++) {
      String arg = args.get(k);
      if (a.quoted().get(k)) {
        continue;
      }
      if ((k == 0 && !arg.startsWith("-"))
          || (arg.startsWith("#") && k > 0 && !args.get(k - 1).startsWith("-"))) {
        out.add(problem(i, a.starts().get(k), "Bad argument `" + arg + "'"));
        return;
      }
      if ((arg.length() > 1
              && arg.charAt(0) == '-'
              && arg.charAt(1) != '-'
              && arg.indexOf('t') >= 0)
          || (arg.startsWith("--t") && "--table".startsWith(arg))) {
        out.add(
            problem(
                i,
                a.starts().get(k),
                "The -t option (seen in line "
                    + (i + 1)
                    + ") cannot be used in iptables-restore."));
        return;
      }
    }
  }

  private static String firstWord(String text) {
    String s = text.strip();
    int sp = s.indexOf(' ');
    return sp < 0 ? s : s.substring(0, sp);
  }

  private Diagnostic outsideTable(int i) {
    return problem(i, 0, "line " + (i + 1) + " failed: outside a table (no '*table' line open)");
  }

  private Diagnostic problem(int i, int column, String message) {
    return Diagnostic.error(
        document.sourceName(), document.position(i, column), line(i).text(), message);
  }

  /** {@code [tableLine, commitLine]} of the first table named so; commit = size if none. */
  private int[] span(String table) {
    for (int i = 0; i < size(); i++) {
      IptablesLine l = line(i);
      if (l.kind() == IptablesLineKind.TABLE && l.tableName().equals(table)) {
        int j = i + 1;
        while (j < size() && kind(j) != IptablesLineKind.COMMIT) {
          j++;
        }
        return new int[] {i, j};
      }
    }
    throw new IllegalArgumentException("no table '" + table + "' in " + sourceName());
  }

  /** Index of the first line of {@code block} inside the table, or -1. */
  private int find(String table, List<String> block) {
    int[] span = span(table);
    outer:
    for (int i = span[0] + 1; i + block.size() <= span[1]; i++) {
      for (int k = 0; k < block.size(); k++) {
        if (!line(i + k).text().equals(block.get(k))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Whether the table holds these lines, consecutively. */
  public boolean contains(String table, List<String> block) {
    return find(table, block) >= 0;
  }

  /**
   * Adds lines at the end of a table, before its {@code COMMIT} and before the comment lines right
   * above it (ufw's "don't delete the 'COMMIT' line" note stays next to COMMIT), followed by a
   * blank line when such comments exist. Nothing changes if the table already holds them.
   */
  public IptablesRestoreDocument withLinesBeforeCommit(String table, List<String> block) {
    checkArgument(!block.isEmpty(), "nothing to insert");
    if (contains(table, block)) {
      return this;
    }
    int[] span = span(table);
    checkArgument(span[1] < size(), "table '%s' has no COMMIT", table);
    int at = span[1];
    while (at - 1 > span[0] && kind(at - 1) == IptablesLineKind.COMMENT) {
      at--;
    }
    List<String> inserted = new ArrayList<>(block);
    if (at < span[1]) {
      inserted.add("");
    }
    return new IptablesRestoreDocument(document.withLinesInserted(at, inserted));
  }

  /**
   * Removes the lines {@link #withLinesBeforeCommit} added (and the blank line it added after
   * them); nothing changes if the table does not hold them.
   */
  public IptablesRestoreDocument withoutLines(String table, List<String> block) {
    checkArgument(!block.isEmpty(), "nothing to remove");
    int at = find(table, block);
    if (at < 0) {
      return this;
    }
    int end = at + block.size();
    if (end < size() && kind(end) == IptablesLineKind.BLANK) {
      // the blank line withLinesBeforeCommit puts between the block and the comments above COMMIT
      int k = end + 1;
      while (k < size() && kind(k) == IptablesLineKind.COMMENT) {
        k++;
      }
      if (k > end + 1 && k < size() && kind(k) == IptablesLineKind.COMMIT) {
        end++;
      }
    }
    return new IptablesRestoreDocument(document.withLinesRemoved(at, end));
  }
}
