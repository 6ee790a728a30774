package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.hostguard.testing.Exploration;
import dev.hostguard.testing.gen.NetworkGens;
import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import dev.hostguard.ufw.UfwPolicy;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws on derived statuses (no real tool): every derived form parses back to the same model, and
 * numbered entries map back to the show-added commands of the rules the numbered status shows.
 */
class StatusDerivationTest {
  static final StatusHeader HEADER =
      StatusHeader.builder()
          .logging(StatusLogging.MEDIUM)
          .incoming(UfwPolicy.REJECT)
          .outgoing(UfwPolicy.ALLOW)
          .routed(UfwPolicy.DENY)
          .newProfiles(UfwPolicy.SKIP)
          .build();

  /** A table entry, or a third of the time a drawn network. */
  private static Gen<String> address(boolean v6, List<String> table) {
    return Generate.pick(table)
        .mix(v6 ? NetworkGens.ipv6Networks() : NetworkGens.ipv4Networks(), 33);
  }

  /**
   * Rules of every shape; {@code asUfwHolds} gives a route rule the direction ufw holds it with,
   * else any direction (shapes ufw never holds, still derived and parsed back).
   */
  static Gen<UfwRule> rules(boolean asUfwHolds) {
    return in -> {
      boolean v6 = Generate.booleans().generate(in);
      String any = v6 ? "::/0" : "0.0.0.0/0";
      List<String> addrs =
          v6
              ? List.of(any, any, "2001:db8::1", "fd00::/8")
              : List.of(any, any, "10.0.0.0/8", "192.0.2.1");
      boolean app = Generate.range(0, 3).generate(in) == 0;
      boolean forward = Generate.range(0, 4).generate(in) == 0;
      Optional<String> dapp =
          app
              ? Optional.of(
                  Generate.pick(List.of("Mail submission", "SSH", "WWW Full")).generate(in))
              : Optional.empty();
      String proto = app ? "tcp" : Generate.pick(List.of("any", "tcp", "udp", "esp")).generate(in);
      String dport =
          app
              ? "587"
              : proto.equals("esp")
                  ? "any"
                  : Generate.pick(List.of("any", "22", "80,443", "6000:6007")).generate(in);
      if (!proto.equals("tcp")
          && !proto.equals("udp")
          && !dport.equals("any")
          && !dport.matches("\\d+")) {
        dport = "22";
      }
      String sport =
          app || proto.equals("esp")
              ? "any"
              : Generate.pick(List.of("any", "any", "53")).generate(in);
      String in1 = Generate.pick(List.of("", "", "eth0")).generate(in);
      String out1 = Generate.pick(List.of("", "", "eth1")).generate(in);
      UfwDirection dir = Generate.enumValues(UfwDirection.class).generate(in);
      if (!forward) {
        if (dir == UfwDirection.IN) {
          out1 = "";
        } else {
          in1 = "";
        }
      } else if (asUfwHolds) {
        // ufw's direction of a route rule as user.rules gives it back: "out" only with an out
        // interface alone ("route allow out on eth1"); "in" otherwise, also for "out on B in on A"
        dir = in1.isEmpty() && !out1.isEmpty() ? UfwDirection.OUT : UfwDirection.IN;
      }
      String comment =
          Generate.pick(List.of("", "hi", "caf\u00e9", "# (log)"))
              .mix(NetworkGens.text(30).map(t -> t.replace('\'', '"')), 25) // ufw refuses '
              .generate(in);
      return UfwRule.builder()
          .action(Generate.enumValues(UfwAction.class).generate(in))
          .logType(Generate.enumValues(UfwLogType.class).generate(in))
          .protocol(UfwProtocol.fromWord(proto).orElseThrow())
          .destinationPort(dport)
          .destination(address(v6, addrs).generate(in))
          .sourcePort(sport)
          .source(address(v6, addrs).generate(in))
          .destinationApp(dapp)
          .direction(dir)
          .interfaceIn(in1.isEmpty() ? Optional.empty() : Optional.of(in1))
          .interfaceOut(out1.isEmpty() ? Optional.empty() : Optional.of(out1))
          .route(forward)
          .v6(v6)
          .comment(comment.isEmpty() ? Optional.empty() : Optional.of(comment))
          .build();
    };
  }

  /**
   * What ufw's UFWRule.match compares: a rule added with the same key updates the rule ufw holds
   * instead of adding a second one (action, log type and comment are not part of it).
   */
  static String matchKey(UfwRule r) {
    return String.join(
        " ",
        r.destinationPort(),
        r.sourcePort(),
        r.protocol().word(),
        r.source(),
        r.destination(),
        String.valueOf(r.v6()),
        r.destinationApp().orElse(""),
        r.sourceApp().orElse(""),
        r.interfaceIn().orElse(""),
        r.interfaceOut().orElse(""),
        r.direction().word(),
        String.valueOf(r.route()));
  }

  /**
   * Rule sets ({@code asUfwHolds}: that ufw can hold): each drawn rule as if added by a command,
   * left out when ufw would update a rule it holds instead. A route rule with both interfaces typed
   * {@code out on B in on A} is "out" to ufw's matcher while the rules it read back are "in", so
   * ufw adds it next to an identical one; such pairs (and an input rule next to a route rule for
   * the same profile and interface) share an application tuple, which the non-verbose statuses
   * print once.
   */
  static Gen<List<UfwRule>> ruleSets(boolean asUfwHolds) {
    return in -> {
      int n = Generate.range(0, 12).generate(in);
      List<UfwRule> v4 = new ArrayList<>();
      List<UfwRule> v6 = new ArrayList<>();
      List<UfwRule> apps = new ArrayList<>();
      Set<String> held = new HashSet<>();
      for (int i = 0; i < n; i++) {
        UfwRule t = rules(asUfwHolds).generate(in);
        boolean typedOutFirst = false;
        if (!apps.isEmpty() && Generate.range(0, 2).generate(in) == 0) {
          // a third of the time once there is an application rule: one of its tuple
          UfwRule base = apps.get(Generate.range(0, apps.size() - 1).generate(in));
          typedOutFirst = base.interfaceIn().isPresent() && base.interfaceOut().isPresent();
          t = sameTuple(base, t, !typedOutFirst);
        } else if (t.route() && t.interfaceIn().isPresent() && t.interfaceOut().isPresent()) {
          typedOutFirst = Generate.booleans().generate(in);
        }
        if (!held.add(matchKey(t)) && !typedOutFirst) {
          continue;
        }
        if (t.isAppRule()) {
          apps.add(t);
        }
        (t.v6() ? v6 : v4).add(t);
      }
      v4.addAll(v6);
      return v4;
    };
  }

  /**
   * A rule with {@code base}'s application tuple and {@code drawn}'s action, log type and comment:
   * the route rule of an input rule or the other way round ({@code toggleRoute}), else the same
   * route rule (its "out on B in on A" twin).
   */
  private static UfwRule sameTuple(UfwRule base, UfwRule drawn, boolean toggleRoute) {
    UfwRule.Builder b =
        UfwRule.builder()
            .from(base)
            .action(drawn.action())
            .logType(drawn.logType())
            .comment(drawn.comment());
    if (toggleRoute) {
      boolean route = !base.route();
      b.route(route);
      if (route && base.interfaceIn().isEmpty() && base.interfaceOut().isEmpty()) {
        b.direction(UfwDirection.IN); // a route rule without interfaces is "in"
      }
    }
    return b.build();
  }

  @Test
  void derivedStatusesParseBackToTheSameModel() {
    for (long seed : Exploration.seeds("StatusDerivation.parseBack", 7L)) {
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(ruleSets(false))
          .checkAssert(
              rules -> {
                for (StatusForm form : StatusForm.values()) {
                  UfwStatus s = StatusDerivation.status(form, rules, HEADER);
                  UfwStatus parsed = UfwStatus.parse("derived", s.render());
                  assertThat(parsed.render()).isEqualTo(s.render());
                  if (!s.entries().isEmpty()) {
                    // with no rules, numbered and plain print the same "Status: active"
                    assertThat(parsed).isEqualTo(s);
                  }
                }
                UfwAddedRules added = StatusDerivation.showAdded(rules);
                assertThat(UfwStatusOutput.parse("added", added.render())).isEqualTo(added);
              });
    }
  }

  /**
   * The numbered status maps back to the show-added commands of the rules it shows: all but the
   * application rules whose tuple an earlier rule has (ufw prints each tuple once; checked against
   * the real ufw in StatusAppTupleDifferentialTest). Fails under a floor of examples where a hidden
   * rule has a command of its own, so the generator keeps reaching that case.
   */
  @Test
  void numberedMapsBackToShowAdded() {
    for (long seed : Exploration.seeds("StatusDerivation.numberedMapsBack", 8L)) {
      Exploration.Floor hiding =
          Exploration.floor("numbered hides a rule show added lists (seed " + seed + ")", 100);
      qt().withFixedSeed(seed)
          .withExamples(Exploration.examples())
          .forAll(ruleSets(true))
          .checkAssert(
              rules -> {
                UfwStatus numbered =
                    UfwStatus.parse(
                        "n", StatusDerivation.status(StatusForm.NUMBERED, rules, HEADER).render());
                List<String> shown =
                    StatusDerivation.showAdded(AppTuples.shownOnce(rules)).commands();
                assertThat(StatusDerivation.showAdded(numbered.rules()).commands())
                    .isEqualTo(shown);
                if (!shown.equals(StatusDerivation.showAdded(rules).commands())) {
                  hiding.count();
                }
              });
      hiding.verify();
    }
  }
}
