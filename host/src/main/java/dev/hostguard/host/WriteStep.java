package dev.hostguard.host;

/** The named points of an atomic write, for fault injection. */
enum WriteStep {
  AFTER_BACKUP,
  AFTER_TEMP_WRITE,
  AFTER_FSYNC,
  BEFORE_RENAME,
  AFTER_RENAME
}
