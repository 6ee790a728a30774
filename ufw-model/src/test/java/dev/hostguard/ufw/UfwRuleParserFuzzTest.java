package dev.hostguard.ufw;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/** Jazzer target: argv parsing may only refuse with {@link UfwRuleException}. */
class UfwRuleParserFuzzTest {
  private static final UfwRuleParser PARSER = UfwRuleParser.fromHost();
  private static final String[] WORDS = {
    "allow",
    "deny",
    "reject",
    "limit",
    "in",
    "out",
    "on",
    "to",
    "from",
    "port",
    "proto",
    "app",
    "log",
    "log-all",
    "comment",
    "any",
    "route",
    "delete",
    "insert",
    "prepend",
    "rule",
    "--dry-run",
    "--force",
    "tcp",
    "udp",
    "esp",
    "22",
    "ssh",
    "OpenSSH",
    "eth0",
    "10.0.0.0/8",
    "::1",
    "app",
    "list",
    "info"
  };

  @FuzzTest
  void argv(FuzzedDataProvider data) {
    List<String> argv = new ArrayList<>();
    int n = data.consumeInt(0, 16);
    for (int i = 0; i < n; i++) {
      argv.add(data.consumeBoolean() ? data.pickValue(WORDS) : data.consumeString(24));
    }
    try {
      UfwCommand c = PARSER.parse(argv);
      if (c instanceof UfwCommand.RuleChange rc) {
        UfwRule r = rc.rule();
        UfwRuleFormat.command(r);
        UserRulesFile.tupleLine(r);
      }
    } catch (UfwRuleException expected) {
      // the typed refusal is the only allowed failure
    }
  }
}
