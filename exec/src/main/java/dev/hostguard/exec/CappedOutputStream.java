package dev.hostguard.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** Keeps the first {@code max} bytes written and counts the rest. Thread-safe. */
final class CappedOutputStream extends OutputStream {
  private final int max;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long total;

  CappedOutputStream(int max) {
    this.max = max;
  }

  @Override
  public synchronized void write(int b) {
    total++;
    if (kept.size() < max) {
      kept.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    total += len;
    int room = max - kept.size();
    if (room > 0) {
      kept.write(b, off, Math.min(room, len));
    }
  }

  synchronized byte[] bytes() {
    return kept.toByteArray();
  }

  synchronized boolean overflowed() {
    return total > max;
  }
}
