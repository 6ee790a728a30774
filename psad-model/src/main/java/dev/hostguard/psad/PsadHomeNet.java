package dev.hostguard.psad;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * {@code HOME_NET}: {@code any}, or a comma-separated list of networks in CIDR notation.
 *
 * <pre>{@code
 * PsadHomeNet.of("192.168.10.0/24, 10.0.0.0/8").networks();
 * PsadHomeNet.of("any").isAny(); // true
 * }</pre>
 *
 * @param isAny whether the value is {@code any}
 * @param networks the networks, empty for {@code any}
 */
public record PsadHomeNet(boolean isAny, ImmutableList<String> networks) {

  /** Validates the parts. */
  public PsadHomeNet {
    requireNonNull(networks, "networks");
  }

  /** Reads a {@code HOME_NET} value. */
  public static PsadHomeNet of(String value) {
    if (value.equals("any")) {
      return new PsadHomeNet(true, ImmutableList.of());
    }
    return new PsadHomeNet(false, PsadPortRange.splitCommas(value.strip()));
  }

  /** The value as written in psad.conf. */
  @Override
  public String toString() {
    return isAny ? "any" : String.join(", ", networks);
  }
}
