package dev.hostguard.ufw.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws on derived statuses (no real tool): every derived form parses back to the same model, and
 * numbered entries map back to the rules' show-added commands.
 */
class StatusDerivationTest {
  static final StatusHeader HEADER =
      new StatusHeader(
          StatusLogging.MEDIUM,
          StatusPolicy.REJECT,
          StatusPolicy.ALLOW,
          StatusPolicy.DENY,
          StatusPolicy.SKIP);

  static Gen<RuleTuple> tuples() {
    return in -> {
      boolean v6 = Generate.booleans().generate(in);
      String any = v6 ? "::/0" : "0.0.0.0/0";
      List<String> addrs =
          v6
              ? List.of(any, any, "2001:db8::1", "fd00::/8")
              : List.of(any, any, "10.0.0.0/8", "192.0.2.1");
      boolean app = Generate.range(0, 3).generate(in) == 0;
      boolean forward = Generate.range(0, 4).generate(in) == 0;
      String dapp =
          app ? Generate.pick(List.of("Mail submission", "SSH", "WWW Full")).generate(in) : "";
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
      String dir = Generate.pick(List.of("in", "out")).generate(in);
      if (!forward) {
        if (dir.equals("in")) {
          out1 = "";
        } else {
          in1 = "";
        }
      }
      return new RuleTuple(
          Generate.enumValues(StatusAction.class).generate(in),
          Generate.enumValues(StatusLogType.class).generate(in),
          proto,
          dport,
          Generate.pick(addrs).generate(in),
          sport,
          Generate.pick(addrs).generate(in),
          dapp,
          "",
          dir,
          in1,
          out1,
          forward,
          v6,
          Generate.pick(List.of("", "6869", "636166c3a9", "2320286c6f6729")).generate(in));
    };
  }

  static Gen<List<RuleTuple>> ruleSets() {
    return in -> {
      int n = Generate.range(0, 12).generate(in);
      List<RuleTuple> v4 = new ArrayList<>();
      List<RuleTuple> v6 = new ArrayList<>();
      java.util.Set<String> appTuples = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        RuleTuple t = tuples().generate(in);
        // ufw updates an existing application rule instead of adding a second one
        if (t.isApp() && !appTuples.add(t.v6() + t.appTuple())) {
          continue;
        }
        (t.v6() ? v6 : v4).add(t);
      }
      v4.addAll(v6);
      return v4;
    };
  }

  @Test
  void derivedStatusesParseBackToTheSameModel() {
    qt().withFixedSeed(7L)
        .withExamples(300)
        .forAll(ruleSets())
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

  @Test
  void numberedMapsBackToShowAdded() {
    qt().withFixedSeed(8L)
        .withExamples(300)
        .forAll(ruleSets())
        .checkAssert(
            rules -> {
              UfwStatus numbered =
                  UfwStatus.parse(
                      "n", StatusDerivation.status(StatusForm.NUMBERED, rules, HEADER).render());
              assertThat(StatusRuleMapping.commands(numbered))
                  .isEqualTo(StatusDerivation.showAdded(rules).commands());
            });
  }
}
