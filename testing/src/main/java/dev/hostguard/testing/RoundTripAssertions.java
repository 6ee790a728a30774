package dev.hostguard.testing;

import dev.hostguard.core.LineDocument;
import dev.hostguard.core.LosslessDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Assertions for the three laws every hostguard format keeps, for users' own files as well as ours:
 * lossless ({@code render(parse(text)) == text}), model round trip ({@code parse(render(model)) ==
 * model}) and edit locality (an edit changes only the lines it must).
 *
 * <pre>{@code
 * RoundTripAssertions.assertLossless(Path.of("/etc/ufw/user.rules"), UserRulesFile::parse);
 * RoundTripAssertions.assertEditLocality(before, after, Set.of(41));
 * }</pre>
 *
 * <p>Edit locality comes in four strengths: {@link #assertEditLocality} (the changed lines are
 * among those allowed), {@link #assertOnlyLinesChanged} (exactly these lines changed in place),
 * {@link #assertOnlyLinesAdded} and {@link #assertOnlyLinesRemoved} (exactly these lines added or
 * removed, every other line byte for byte the same).
 */
public final class RoundTripAssertions {
  private RoundTripAssertions() {}

  /**
   * Reads {@code file} and fails unless the document parsed from its bytes gives back those bytes
   * exactly ({@code toBytes()}) and, for a UTF-8 file, that text ({@code render()}). Works with
   * every hostguard document: pass its {@code parse(String sourceName, byte[] bytes)} (or {@code
   * parse(String, String)}, through {@link #assertLossless(String, String, BiFunction)}).
   *
   * @return the parsed document, for further checks
   */
  public static <D extends LosslessDocument> D assertLossless(
      Path file, BiFunction<String, byte[], D> parse) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    D doc = parse.apply(file.toString(), bytes);
    byte[] back = doc.toBytes();
    if (!Arrays.equals(bytes, back)) {
      throw new AssertionError(
          file
              + ": not lossless: "
              + firstDifference(
                  new String(bytes, StandardCharsets.ISO_8859_1),
                  new String(back, StandardCharsets.ISO_8859_1)));
    }
    return doc;
  }

  /**
   * Fails unless the document parsed from {@code text} renders {@code text} exactly and its bytes
   * are {@code text}'s UTF-8 bytes.
   *
   * @return the parsed document, for further checks
   */
  public static <D extends LosslessDocument> D assertLossless(
      String sourceName, String text, BiFunction<String, String, D> parse) {
    D doc = parse.apply(sourceName, text);
    String rendered = doc.render();
    if (!text.equals(rendered)) {
      throw new AssertionError(sourceName + ": not lossless: " + firstDifference(text, rendered));
    }
    if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), doc.toBytes())) {
      throw new AssertionError(sourceName + ": render() is lossless but toBytes() is not");
    }
    return doc;
  }

  /** Fails unless {@code render(parse(text))} equals {@code text} exactly. */
  public static <M> M assertLossless(
      String text, Function<String, M> parse, Function<M, String> render) {
    M model = parse.apply(text);
    String rendered = render.apply(model);
    if (!text.equals(rendered)) {
      throw new AssertionError("not lossless: " + firstDifference(text, rendered));
    }
    return model;
  }

  /** Fails unless {@code parse(render(model))} equals {@code model}. */
  public static <M> void assertModelRoundTrip(
      M model, Function<M, String> render, Function<String, M> parse) {
    String text = render.apply(model);
    M back = parse.apply(text);
    if (!Objects.equals(model, back)) {
      throw new AssertionError(
          "model does not survive a round trip\nmodel:    "
              + model
              + "\nrendered: "
              + text
              + "\nparsed:   "
              + back);
    }
  }

  /**
   * Fails unless {@code after} differs from {@code before} only in the lines of {@code after} at
   * {@code changedLineIndexes} (0-based): every other line of {@code after} is an unchanged line of
   * {@code before}, in order, and no line of {@code before} disappears except one replaced by a
   * changed line.
   */
  public static void assertEditLocality(
      String before, String after, Set<Integer> changedLineIndexes) {
    LineDiff diff = LineDiff.of(lines(before), lines(after));
    Set<Integer> unexpected = new TreeSet<>(diff.addedInAfter);
    unexpected.removeAll(changedLineIndexes);
    if (!unexpected.isEmpty()) {
      throw new AssertionError(
          "the edit changed lines "
              + unexpected
              + " of the result, beyond the allowed "
              + new TreeSet<>(changedLineIndexes)
              + ": "
              + describe(lines(after), unexpected));
    }
    if (diff.removedFromBefore.size() > diff.addedInAfter.size()) {
      throw new AssertionError(
          "the edit removed lines "
              + diff.removedFromBefore
              + " of the original: "
              + describe(lines(before), diff.removedFromBefore));
    }
  }

  /**
   * Fails unless {@code after} is {@code before} with exactly the lines at {@code
   * removedLineIndexes} (0-based, of {@code before}) removed and nothing else changed.
   */
  public static void assertOnlyLinesRemoved(
      String before, String after, Set<Integer> removedLineIndexes) {
    LineDiff diff = LineDiff.of(lines(before), lines(after));
    if (!diff.addedInAfter.isEmpty() || !diff.removedFromBefore.equals(removedLineIndexes)) {
      throw new AssertionError(
          "expected only lines "
              + new TreeSet<>(removedLineIndexes)
              + " removed, but removed "
              + diff.removedFromBefore
              + " and added/changed "
              + diff.addedInAfter);
    }
  }

  /**
   * Fails unless {@code after} is {@code before} with new lines at exactly {@code addedLineIndexes}
   * (0-based, of {@code after}) and nothing else changed: every line of {@code before} is still
   * there, byte for byte (terminator included), in order.
   *
   * <pre>{@code
   * String after = doc.withLinesBeforeCommit("filter", block).render();
   * RoundTripAssertions.assertOnlyLinesAdded(doc.render(), after, Set.of(7, 8));
   * }</pre>
   */
  public static void assertOnlyLinesAdded(
      String before, String after, Set<Integer> addedLineIndexes) {
    List<String> b = lines(before);
    List<String> a = lines(after);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!addedLineIndexes.contains(i)) {
        kept.add(a.get(i));
      }
    }
    if (a.size() != b.size() + addedLineIndexes.size() || !kept.equals(b)) {
      LineDiff diff = LineDiff.of(b, a);
      throw new AssertionError(
          "expected only lines "
              + new TreeSet<>(addedLineIndexes)
              + " added, but removed "
              + diff.removedFromBefore
              + describe(b, diff.removedFromBefore)
              + "\nand added/changed "
              + diff.addedInAfter
              + describe(a, diff.addedInAfter));
    }
  }

  /**
   * Fails unless {@code after} has as many lines as {@code before} and differs from it in exactly
   * the lines at {@code changedLineIndexes} (0-based): each of those differs, every other line is
   * byte for byte the same (terminator included). The check for an edit in place, such as setting a
   * value whose line exists.
   *
   * <pre>{@code
   * String after = conf.withLogLevel("high").render();
   * RoundTripAssertions.assertOnlyLinesChanged(conf.render(), after, Set.of(3));
   * }</pre>
   */
  public static void assertOnlyLinesChanged(
      String before, String after, Set<Integer> changedLineIndexes) {
    List<String> b = lines(before);
    List<String> a = lines(after);
    if (a.size() != b.size()) {
      throw new AssertionError(
          "expected lines "
              + new TreeSet<>(changedLineIndexes)
              + " changed in place, but the line count went from "
              + b.size()
              + " to "
              + a.size()
              + ": "
              + firstDifference(before, after));
    }
    Set<Integer> changed = new TreeSet<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        changed.add(i);
      }
    }
    if (!changed.equals(new TreeSet<>(changedLineIndexes))) {
      throw new AssertionError(
          "expected lines "
              + new TreeSet<>(changedLineIndexes)
              + " changed, but lines "
              + changed
              + " changed:"
              + describe(a, changed));
    }
  }

  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    LineDocument.parse("<text>", text).lines().forEach(l -> out.add(l.render()));
    return out;
  }

  private static String describe(List<String> lines, Set<Integer> indexes) {
    StringBuilder sb = new StringBuilder();
    for (int i : indexes) {
      sb.append("\n  ").append(i).append(": ").append(lines.get(i).replace("\n", "\\n"));
    }
    return sb.toString();
  }

  static String firstDifference(String expected, String actual) {
    List<String> e = lines(expected);
    List<String> a = lines(actual);
    int n = Math.min(e.size(), a.size());
    for (int i = 0; i < n; i++) {
      if (!e.get(i).equals(a.get(i))) {
        return "line "
            + (i + 1)
            + " differs\n  expected: "
            + escape(e.get(i))
            + "\n  actual:   "
            + escape(a.get(i));
      }
    }
    return "expected "
        + e.size()
        + " lines, got "
        + a.size()
        + (e.size() > n ? "; first missing: " + escape(e.get(n)) : "")
        + (a.size() > n ? "; first extra: " + escape(a.get(n)) : "");
  }

  private static String escape(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }
}
