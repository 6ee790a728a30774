package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One planned change of a file on the target: its path, the bytes it holds (absent when it does not
 * exist) and the bytes it is to hold. Data before action: {@link #unifiedDiff()} previews it,
 * {@link #apply} makes it.
 *
 * <pre>{@code
 * FileChange c = FileChange.planned(files, Path.of("/etc/fail2ban/jail.local"), newBytes);
 * System.out.print(c.unifiedDiff()); c.apply(files);
 * }</pre>
 */
public final class FileChange {
  private final Path path;
  private final byte @Nullable [] before;
  private final byte[] after;

  private FileChange(Path path, byte @Nullable [] before, byte[] after) {
    BackupPolicy.requireAbsolute(requireNonNull(path, "path"));
    this.path = path;
    this.before = before;
    this.after = requireNonNull(after, "after");
  }

  /** A change from {@code before} (empty: the file does not exist) to {@code after}. */
  public static FileChange of(Path path, Optional<byte[]> before, byte[] after) {
    byte @Nullable [] b = before.orElse(null);
    return new FileChange(
        path, b == null ? null : b.clone(), requireNonNull(after, "after").clone());
  }

  /**
   * A change that keeps the arrays given, without a copy: for callers that made them fresh and hand
   * them over (the planner's text of a whole {@code user.rules} is megabytes at 10k rules).
   */
  static FileChange ofOwned(Path path, byte @Nullable [] before, byte[] after) {
    return new FileChange(path, before, after);
  }

  /** The change that writing {@code after} would make to the file as it is now. */
  public static FileChange planned(HostFiles files, Path path, byte[] after) {
    return of(path, files.read(path), after);
  }

  /** The file (absolute). */
  public Path path() {
    return path;
  }

  /** What the file holds before the change; empty when it does not exist. */
  public Optional<byte[]> before() {
    return Optional.ofNullable(before).map(byte[]::clone);
  }

  /** What the file holds after the change. */
  public byte[] after() {
    return after.clone();
  }

  /** Whether applying this changes anything. */
  public boolean isChange() {
    return before == null || !Arrays.equals(before, after);
  }

  /**
   * The change as {@code diff -u} / {@code git show} print it: {@code --- a/PATH} (or {@code ---
   * /dev/null} for a new file), {@code +++ b/PATH}, hunks with 3 lines of context, {@code \ No
   * newline at end of file} where one side lacks it. Bytes are read as UTF-8 (a malformed sequence
   * shows as U+FFFD). Empty when nothing changes.
   */
  public String unifiedDiff() {
    if (!isChange()) {
      return "";
    }
    String name = path.getRoot().relativize(path).toString();
    String from = before == null ? "/dev/null" : "a/" + name;
    String to = "b/" + name;
    String diff =
        UnifiedDiff.of(
            from,
            to,
            before == null ? "" : new String(before, StandardCharsets.UTF_8),
            new String(after, StandardCharsets.UTF_8));
    return diff.isEmpty() ? "--- " + from + "\n+++ " + to + "\n" : diff;
  }

  /**
   * Writes {@link #after()} through {@code files} (atomically, with the backup of a first change),
   * first checking that the file still holds {@link #before()}.
   *
   * @throws IllegalStateException if the file changed since this was planned
   */
  public AppliedChange apply(HostFiles files) {
    Optional<byte[]> now = files.read(path);
    boolean same =
        before == null ? now.isEmpty() : now.isPresent() && Arrays.equals(now.get(), before);
    if (!same) {
      throw new IllegalStateException(path + " changed since this change was planned");
    }
    return files.write(path, after);
  }

  /** Equal when the path and both contents are. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FileChange c
        && c.path.equals(path)
        && Arrays.equals(c.before, before)
        && Arrays.equals(c.after, after);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * path.hashCode() + Arrays.hashCode(before)) + Arrays.hashCode(after);
  }

  @Override
  public String toString() {
    return "FileChange[" + path + (isChange() ? "" : ", no change") + "]";
  }
}
