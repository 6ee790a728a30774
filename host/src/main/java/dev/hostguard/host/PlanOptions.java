package dev.hostguard.host;

/**
 * How {@link Plan#of} turns rule changes into steps: one {@code ufw} command per rule change, or
 * the bulk path (write {@code user.rules} and {@code user6.rules} exactly as ufw would, then put
 * them into the running firewall as ufw does after a rule change, {@code iptables-restore -n} of
 * each; a {@code ufw reload} instead when the plan also changes other ufw files) when the number of
 * rule commands exceeds {@code bulkThreshold}, or always when {@code alwaysBulk}. Through {@code
 * sudo}, the bulk path therefore needs {@code iptables-restore} and {@code ip6tables-restore}
 * allowed as well as {@code ufw}.
 *
 * <pre>{@code
 * Plan.of(desired, actual, PlanOptions.defaults().withBulkThreshold(100));
 * Plan.of(desired, actual, PlanOptions.defaults().withAlwaysBulk(true));
 * }</pre>
 *
 * @param bulkThreshold the most rule commands a plan runs one by one
 * @param alwaysBulk whether rule changes always take the bulk path
 */
public record PlanOptions(int bulkThreshold, boolean alwaysBulk) {
  /** The default threshold: beyond 200 rule commands (about a minute of ufw), the bulk path. */
  public static final int DEFAULT_BULK_THRESHOLD = 200;

  /** Checks the threshold is not negative. */
  public PlanOptions {
    if (bulkThreshold < 0) {
      throw new IllegalArgumentException("bulkThreshold < 0: " + bulkThreshold);
    }
  }

  /** {@link #DEFAULT_BULK_THRESHOLD}, bulk only beyond it. */
  public static PlanOptions defaults() {
    return new PlanOptions(DEFAULT_BULK_THRESHOLD, false);
  }

  /** These options with another threshold. */
  public PlanOptions withBulkThreshold(int threshold) {
    return new PlanOptions(threshold, alwaysBulk);
  }

  /** These options with the bulk path always (true) or by threshold (false). */
  public PlanOptions withAlwaysBulk(boolean always) {
    return new PlanOptions(bulkThreshold, always);
  }

  /** One {@code ufw} command per rule change, however many. */
  public static PlanOptions neverBulk() {
    return new PlanOptions(Integer.MAX_VALUE, false);
  }
}
