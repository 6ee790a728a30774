package dev.hostguard.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 standard streams whatever the locale, and the pair a subcommand should write to. */
final class Streams {
  private static PrintStream out = stdout();
  private static PrintStream err = stderr();

  private Streams() {}

  static PrintStream stdout() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
  }

  static PrintStream stderr() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
  }

  static synchronized void bind(PrintStream newOut, PrintStream newErr) {
    out = newOut;
    err = newErr;
  }

  /** Where a subcommand writes its result (raw bytes go through {@code out().write}). */
  static synchronized PrintStream out() {
    return out;
  }

  /** Where a subcommand writes warnings and errors. */
  static synchronized PrintStream err() {
    return err;
  }
}
