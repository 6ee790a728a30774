package dev.hostguard.ufw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.gen.NetworkGens;
import dev.hostguard.testing.gen.UfwCommandGens;
import dev.hostguard.ufw.gen.UfwRuleGens;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Laws of the normal-form shortcut of {@link IpAddresses#normalizeAddress}: normalising an address
 * already in normal form is the identity (unchanged, no "Rule changed after normalization"), every
 * address the generators and the parser produce takes the shortcut, and with or without the
 * shortcut normalisation gives the same answer (or the same refusal) for any address, normal or
 * not. Each law runs its fixed seed and a fresh one ({@link Exploration#seeds}).
 */
class IpAddressesNormalFormLawsTest {
  private static final UfwRuleParser PARSER = UfwRuleParser.fromHost();

  /** The full path's answer, or null where ufw's normalize_address raises. */
  private static IpAddresses.Normalized full(String address, boolean v6) {
    try {
      return IpAddresses.normalizeFully(address, v6);
    } catch (IpAddresses.NotNormalizable e) {
      return null;
    }
  }

  private static void assertFixedPoint(String address, boolean v6) throws Exception {
    assertThat(IpAddresses.isNormalForm(address, v6)).as("normal form: %s", address).isTrue();
    assertThat(IpAddresses.normalizeFully(address, v6))
        .as("normalising %s again", address)
        .isEqualTo(new IpAddresses.Normalized(address, false));
    assertThat(IpAddresses.normalizeAddress(address, v6))
        .isEqualTo(new IpAddresses.Normalized(address, false));
  }

  @Test
  void storedRuleAddressesAreFixedPointsOnTheShortcut() {
    for (long seed : Exploration.seeds("IpAddressesNormalForm.stored", 71L)) {
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(UfwRuleGens.rules())
          .checkAssert(
              r -> {
                try {
                  assertFixedPoint(r.source(), r.v6());
                  assertFixedPoint(r.destination(), r.v6());
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              });
    }
  }

  @Test
  void parsedRuleAddressesAreFixedPointsOnTheShortcut() {
    for (long seed : Exploration.seeds("IpAddressesNormalForm.parsed", 72L)) {
      int examples = Exploration.examples();
      Exploration.Floor checked = Exploration.floor("parsed rules seed " + seed, examples / 5);
      qt().withFixedSeed(seed)
          .withExamples(examples)
          .forAll(UfwCommandGens.commandLines())
          .checkAssert(
              argv -> {
                UfwCommand c;
                try {
                  c = PARSER.parse(argv);
                } catch (UfwRuleException e) {
                  return;
                }
                if (!(c instanceof UfwCommand.RuleChange rc)) {
                  return;
                }
                checked.count();
                // each IP version the rule goes to, as the rule set stores it
                for (boolean v6 : versions(rc)) {
                  RuleDraft d = RuleDraft.of(rc.rule()).setV6(v6);
                  for (String a : List.of(d.src, d.dst)) {
                    IpAddresses.Normalized once = full(a, v6);
                    if (once == null) {
                      continue;
                    }
                    try {
                      assertThat(IpAddresses.normalizeFully(once.address(), v6).address())
                          .isEqualTo(once.address());
                      if (IpAddresses.isNormalForm(once.address(), v6)) {
                        assertFixedPoint(once.address(), v6);
                      }
                    } catch (Exception e) {
                      throw new AssertionError(e);
                    }
                    assertThat(shortcut(a, v6)).isEqualTo(once);
                  }
                }
              });
      checked.verify();
    }
  }

  private static List<Boolean> versions(UfwCommand.RuleChange rc) {
    return switch (UfwRuleSet.versionOf(rc.rule())) {
      case V4 -> List.of(false);
      case V6 -> List.of(true);
      case BOTH -> List.of(false, true);
    };
  }

  private static IpAddresses.Normalized shortcut(String address, boolean v6) {
    try {
      return IpAddresses.normalizeAddress(address, v6);
    } catch (IpAddresses.NotNormalizable e) {
      return null;
    }
  }

  /**
   * Addresses as a user may type them: normal ones, and the same with leading zeros, {@code /32} or
   * {@code /128}, dotted netmasks, host bits set, upper case, dotted IPv6 tails, uncompressed zeros
   * and plain garbage; each tried as IPv4 and as IPv6.
   */
  private static Gen<String> typedAddresses() {
    Gen<String> v4 = NetworkGens.ipv4Networks().mix(NetworkGens.ipv4Addresses());
    Gen<String> v6 = NetworkGens.ipv6Networks().mix(NetworkGens.ipv6Addresses());
    Gen<Integer> how = SourceDSL.integers().between(0, 15);
    Gen<Integer> small = SourceDSL.integers().between(0, 200);
    return v4.mix(v6)
        .zip(how, small, IpAddressesNormalFormLawsTest::mangle)
        .mix(
            SourceDSL.arbitrary()
                .pick(
                    List.of(
                        "0.0.0.0/0",
                        "::/0",
                        "0.0.0.0/00",
                        "::/000",
                        "1.2.3.4/",
                        "/24",
                        "1.2.3.4/24/8",
                        "::ffff:1.2.3.4",
                        "::ffff:102:304",
                        "::1.2.3.4",
                        "::0:1",
                        "2001:DB8::/32",
                        "2001:db8:0:0:0:0:0:1",
                        "1:2:3:4:5:6:7:8",
                        "1:0:0:4:0:0:0:8",
                        "fe80::1/128",
                        "fe80::/127",
                        "10.0.0.0/255.0.0.0",
                        "10.0.0.0/255.0.255.0",
                        "010.0.0.1",
                        "1.2.3.4/032",
                        "256.1.1.1",
                        "1.2.3",
                        "1.2.3.4.5",
                        "1..2.3",
                        "any",
                        "")));
  }

  private static String mangle(String a, int how, int n) {
    int slash = a.indexOf('/');
    String host = slash < 0 ? a : a.substring(0, slash);
    String mask = slash < 0 ? "" : a.substring(slash);
    boolean v6 = a.indexOf(':') >= 0;
    return switch (how) {
      case 0 -> a;
      case 1 -> host + (v6 ? "/128" : "/32");
      case 2 -> host + "/" + (n % (v6 ? 130 : 34));
      case 3 -> host + "/0" + (n % 40);
      case 4 -> a.toUpperCase(Locale.ROOT);
      case 5 -> v6 ? host.replace("::", ":0:0:") + mask : "0" + a;
      case 6 -> v6 ? "::ffff:" + (n % 256) + ".2.3.4" + mask : host + "/255.255.255." + n;
      case 7 -> v6 ? host + ":" + Integer.toHexString(n) : host.replace(".", ".0");
      case 8 -> host;
      case 9 -> a + "/" + n;
      case 10 -> v6 ? "0" + host + mask : host + "/255.255." + n + ".0";
      default -> a;
    };
  }

  @Test
  void theShortcutAgreesWithTheFullPathForAnyAddress() {
    for (long seed : Exploration.seeds("IpAddressesNormalForm.agree", 73L)) {
      int examples = Exploration.examples(2000);
      Exploration.Floor shortcuts = Exploration.floor("shortcuts seed " + seed, examples / 20);
      Exploration.Floor fullPaths = Exploration.floor("full paths seed " + seed, examples / 20);
      qt().withFixedSeed(seed)
          .withExamples(examples)
          .forAll(typedAddresses(), SourceDSL.booleans().all())
          .checkAssert(
              (a, v6) -> {
                if (IpAddresses.isNormalForm(a, v6)) {
                  shortcuts.count();
                } else {
                  fullPaths.count();
                }
                assertThat(shortcut(a, v6)).as("%s v6=%s", a, v6).isEqualTo(full(a, v6));
              });
      shortcuts.verify();
      fullPaths.verify();
    }
  }

  @Test
  void examples() throws Exception {
    assertFixedPoint("0.0.0.0/0", false);
    assertFixedPoint("::/0", true);
    assertFixedPoint("10.0.0.0/8", false);
    assertFixedPoint("2001:db8::/32", true);
    // forms ufw rewrites: not normal, and the full path says what they become
    assertThat(IpAddresses.isNormalForm("10.0.0.1/8", false)).isFalse();
    assertThat(IpAddresses.normalizeAddress("10.0.0.1/8", false))
        .isEqualTo(new IpAddresses.Normalized("10.0.0.0/8", true));
    assertThat(IpAddresses.isNormalForm("10.0.0.1/32", false)).isFalse();
    assertThat(IpAddresses.normalizeAddress("10.0.0.1/32", false))
        .isEqualTo(new IpAddresses.Normalized("10.0.0.1", false));
    assertThat(IpAddresses.isNormalForm("2001:DB8::", true)).isFalse();
    assertThat(IpAddresses.normalizeAddress("2001:DB8::", true))
        .isEqualTo(new IpAddresses.Normalized("2001:db8::", true));
    assertThat(IpAddresses.isNormalForm("::ffff:1.2.3.4", true)).isFalse();
    assertThat(IpAddresses.isNormalForm("10.0.0.0/8", true)).isFalse();
    assertThatThrownBy(() -> IpAddresses.normalizeAddress("10.0.0.0/8", true))
        .isInstanceOf(IpAddresses.NotNormalizable.class);
  }
}
