package dev.hostguard.ufw;

import static java.util.Objects.requireNonNull;

/**
 * A ufw command line after parsing: a rule change, a delete by number, an application command, or
 * another ufw command this model does not execute.
 *
 * <pre>{@code
 * UfwCommand c = UfwRuleParser.fromHost().parse(List.of("allow", "22/tcp"));
 * UfwRule rule = ((UfwCommand.RuleChange) c).rule();
 * }</pre>
 */
public sealed interface UfwCommand {

  /** How a rule change applies to the rule set. */
  enum Operation {
    /** Append unless present ({@code allow ...}). */
    ADD,
    /** {@code insert N ...}. */
    INSERT,
    /** {@code prepend ...}. */
    PREPEND,
    /** {@code delete RULE}. */
    DELETE
  }

  /** Which files a rule goes to. */
  enum IpVersion {
    /** user.rules only. */
    V4,
    /** user6.rules only. */
    V6,
    /** both files. */
    BOTH
  }

  /**
   * {@code allow|deny|reject|limit ...}, possibly {@code route}, {@code insert N}, {@code prepend}
   * or {@code delete}: {@code rule} is ufw's template (IPv4 view, addresses as typed, application
   * names still as ports).
   *
   * <pre>{@code
   * new UfwCommand.RuleChange(Operation.ADD, rule, IpVersion.BOTH, 0);
   * }</pre>
   */
  record RuleChange(Operation operation, UfwRule rule, IpVersion ipVersion, int position)
      implements UfwCommand {
    /** Checks non-null parts. */
    public RuleChange {
      requireNonNull(operation, "operation");
      requireNonNull(rule, "rule");
      requireNonNull(ipVersion, "ipVersion");
    }
  }

  /**
   * {@code delete N}; {@code number} is ufw's {@code %d} of the integer (may be 0 or negative).
   *
   * <pre>{@code
   * new UfwCommand.DeleteNumber(3);
   * }</pre>
   */
  record DeleteNumber(long number) implements UfwCommand {}

  /**
   * {@code app list}, {@code app info NAME}, ... ({@code action} as ufw names it: list, info,
   * update, update-with-new, default-allow, ...).
   *
   * <pre>{@code
   * new UfwCommand.App("info", "OpenSSH");
   * }</pre>
   */
  record App(String action, String name) implements UfwCommand {
    /** Checks non-null parts. */
    public App {
      requireNonNull(action, "action");
      requireNonNull(name, "name");
    }
  }

  /**
   * A valid ufw command of another kind (enable, status, default, logging, show, ...).
   *
   * <pre>{@code
   * new UfwCommand.Other("status", "status-verbose");
   * }</pre>
   */
  record Other(String type, String action) implements UfwCommand {
    /** Checks non-null parts. */
    public Other {
      requireNonNull(type, "type");
      requireNonNull(action, "action");
    }
  }
}
