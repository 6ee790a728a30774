package dev.hostguard.fail2ban.gen;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Generators of fail2ban configuration overlays over Debian's stock {@code /etc/fail2ban}: jail
 * overrides in {@code jail.local} and {@code jail.d}, filter and action {@code .local} files,
 * includes, conditional sections, every kind of interpolation, multi-line values, comments.
 *
 * <pre>{@code
 * qt().withFixedSeed(42).withExamples(30)
 *     .forAll(Fail2banGens.overlays()).checkAssert(o -> compareWithRealTool(o));
 * }</pre>
 */
public final class Fail2banGens {
  private static final String[] JAILS = {
    "sshd",
    "apache-auth",
    "nginx-http-auth",
    "postfix",
    "dovecot",
    "recidive",
    "monit",
    "guacamole",
    "php-url-fopen",
    "selinux-ssh",
    "drupal-auth",
    "mysqld-auth",
    "openhab-auth"
  };
  private static final String[] KEYS = {
    "port",
    "maxretry",
    "findtime",
    "bantime",
    "logpath",
    "filter",
    "action",
    "banaction",
    "ignoreip",
    "usedns",
    "maxlines",
    "backend",
    "bantime.increment",
    "ignoreself",
    "maxmatches",
    "journalmatch",
    "failregex",
    "ignoreregex",
    "datepattern",
    "mode",
    "chain",
    "protocol",
    "ignorecommand",
    "logencoding",
    "prefregex",
    "bantime.factor",
    "ignorecache"
  };

  private Fail2banGens() {}

  /** Overlays, each built deterministically from a generated seed. */
  public static Gen<ConfigOverlay> overlays() {
    return SourceDSL.longs().all().map(Fail2banGens::overlay);
  }

  /** The overlay built from {@code seed}. */
  public static ConfigOverlay overlay(long seed) {
    return new Builder(new SplittableRandom(seed)).build(seed);
  }

  private static final class Builder {
    private final SplittableRandom r;

    Builder(SplittableRandom r) {
      this.r = r;
    }

    private String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    private boolean chance(double p) {
      return r.nextDouble() < p;
    }

    private String sep() {
      return pick(" = ", "=", ": ", " : ", "\t=\t", "  =  ");
    }

    private String scalar() {
      return pick(
          "%(mode)s",
          "%(__name__)s",
          "%(default/maxretry)s",
          "%(known/maxretry)s",
          "%(sshd/port)s",
          "%(known/port)s",
          "%(DEFAULT/protocol)s",
          "10m",
          "1h",
          "3",
          " 7 ",
          "abc",
          "100%%",
          "x # not a comment",
          "x;y",
          "a ;inline comment",
          "<tag>",
          "\"q\"",
          "it's",
          "caf\u00e9",
          "back\\slash",
          "%(port)s",
          "%(banaction)s",
          "True",
          "1_0",
          "+4",
          "-1",
          "1d12h",
          "first\n    second",
          "z");
    }

    private String logpath() {
      return pick(
          "{LOGS}/*.log",
          "{LOGS}/a.log",
          "{LOGS}/*.log tail",
          "{LOGS}/nomatch*",
          "{LOGS}/[ab].log",
          "{LOGS}/?.log head",
          "{LOGS}/*",
          "{LOGS}/.h*",
          "{LOGS}/a.log\n          {LOGS}/b.log",
          "{LOGS}/sub/*.log",
          "{LOGS}/*/x.log",
          "%(fail2ban_confpath)s/../logs/*.log",
          "%(sshd_log)s",
          "/nonexistent/file.log");
    }

    private String valueFor(String key) {
      switch (key) {
        case "enabled":
          return pick("true", "true", "true", "yes", "1", "on", "True", "false", "maybe");
        case "logpath":
          return logpath();
        case "filter":
          return pick(
              "sshd",
              "sshd[mode=aggressive]",
              "%(__name__)s[mode=ddos]",
              "%(__name__)s[mode=%(mode)s]",
              "apache-auth",
              "nonexistent",
              "sshd[mode=\"extra\", x=1]",
              "sshd[bad",
              "postfix[mode=more]",
              "sshd[maxlines=3][journalmatch=\"_COMM=x\"]");
        case "action":
          return pick(
              "%(action_)s",
              "%(action_mwl)s",
              "%(action_mw)s",
              "iptables-multiport[name=X, port=\"1,2\"]\n         dummy",
              "dummy",
              "ufw[application=OpenSSH]",
              "nonexistent-action",
              "%(action_)s\n   sendmail-whois[name=%(__name__)s]",
              "smtp.py[host=\"a,b\", user=x]",
              "dummy[actionban=\"echo <ip> <name>\"]",
              "iptables[chain=<known/chain>x]",
              "nftables[type=allports]",
              "dummy[name=%(__name__)s-2]",
              "%(banaction)s[port=\"%(port)s\", protocol=\"%(protocol)s\"]");
        case "banaction":
          return pick("ufw", "iptables-multiport", "nftables", "dummy", "iptables-allports");
        case "ignoreip":
          return pick(
              "127.0.0.1/8 ::1",
              "1.2.3.4, 5.6.7.8",
              "",
              "10.0.0.0/8\n   192.168.0.0/16",
              "%(known/ignoreip)s 8.8.8.8");
        case "backend":
          return pick("auto", "polling", "systemd", "pyinotify", "%(sshd_backend)s");
        case "journalmatch":
          return pick("_SYSTEMD_UNIT=x.service + _COMM=x", "\"a b\" c", "'x y'");
        case "failregex":
        case "ignoreregex":
          return pick(
              "^fail <HOST>$",
              "^a <HOST>\n    ^b <HOST>",
              "",
              "%(known/failregex)s\n   ^extra <HOST>",
              "^x <HOST> <F-USER>\\S+</F-USER>");
        case "datepattern":
          return pick("{^LN-BEG}", "%%Y-%%m-%%d", "^%%b");
        case "maxlines":
          return pick("1", "2", "x");
        case "bantime.increment":
        case "ignoreself":
          return pick("true", "false", "no", "x");
        default:
          return scalar();
      }
    }

    private List<String> jailBlock(String jail) {
      List<String> lines = new ArrayList<>();
      lines.add("[" + jail + "]");
      List<String> keys = new ArrayList<>();
      int n = 1 + r.nextInt(7);
      for (int i = 0; i < n; i++) {
        String k = KEYS[r.nextInt(KEYS.length)];
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
      keys.add(r.nextInt(keys.size() + 1), "enabled");
      for (String k : keys) {
        String written = chance(0.15) ? k.toUpperCase(java.util.Locale.ROOT) : k;
        lines.add(written + sep() + valueFor(k));
        if (chance(0.1)) {
          lines.add(pick("# a comment", "; a comment", "   # indented comment"));
        }
        if (chance(0.08)) {
          lines.add("");
        }
      }
      return lines;
    }

    private static String join(List<String> lines, String nl, boolean finalNewline) {
      return String.join(nl, lines) + (finalNewline ? nl : "");
    }

    ConfigOverlay build(long seed) {
      Map<String, List<String>> files = new LinkedHashMap<>();
      List<String> local = new ArrayList<>();
      if (chance(0.5)) {
        local.add("[DEFAULT]");
        local.add("banaction" + sep() + pick("dummy", "ufw", "iptables-multiport"));
        local.add("ignoreip = 127.0.0.1/8 ::1");
        local.add("destemail = root@example.org");
        local.add("sender = f2b@example.org");
        local.add("mta = sendmail");
        local.add(
            pick("action = %(action_mwl)s", "action = %(action_)s", "action = %(action_mw)s"));
        if (chance(0.3)) {
          local.add("sshd_log = {LOGS}/*.log");
        }
      }
      int jails = 1 + r.nextInt(3);
      for (int i = 0; i < jails; i++) {
        local.addAll(jailBlock(JAILS[r.nextInt(JAILS.length)] + (chance(0.05) ? "?x=y" : "")));
      }
      if (chance(0.1)) {
        local.add("[custom-jail]");
        local.add("enabled = true");
        local.add("filter = sshd");
        local.add("logpath = {LOGS}/a.log");
        local.add("port = 2222");
      }
      files.put("jail.local", dedupe(local));
      if (chance(0.6)) {
        files.put(
            String.format("jail.d/%02d-x.conf", r.nextInt(100)),
            jailBlock(JAILS[r.nextInt(JAILS.length)]));
      }
      if (chance(0.6)) {
        files.put(
            String.format("jail.d/%02d-y.local", r.nextInt(100)),
            jailBlock(JAILS[r.nextInt(JAILS.length)]));
      }
      if (chance(0.4)) {
        files.put(
            "filter.d/sshd.local",
            List.of(
                "[INCLUDES]",
                pick(
                    "after = extra.conf",
                    "before = extra.conf",
                    "after = extra.conf\n  missing.conf"),
                "[Definition]",
                "mode = " + pick("normal", "ddos", "aggressive", "extra"),
                pick("", "failregex = %(known/failregex)s\n            ^added <HOST>$"),
                "[Init]",
                "maxlines = " + pick("1", "2", "3")));
        files.put(
            "filter.d/extra.conf",
            List.of(
                "[INCLUDES]",
                "before = sshd.local",
                "[Definition]",
                "datepattern = " + pick("{^LN-BEG}%%Y", "%(known/datepattern)s"),
                "[Init?family=inet6]",
                "x = y"));
      }
      if (chance(0.3)) {
        files.put(
            "action.d/dummy.local",
            List.of(
                "[Definition]",
                "actionban = echo <ip> <known/actionban> <name> %(__name__)s",
                "actionstart_on_demand = " + pick("true", "false", "x"),
                "[Init]",
                "init = <name>-x",
                "timeout = 3",
                "[Init?family=inet6]",
                "init = v6"));
      }
      if (chance(0.2)) {
        files.put(
            "paths-overrides.local",
            List.of(
                "[DEFAULT]",
                "sshd_log = {LOGS}/*.log",
                "apache_error_log = {LOGS}/a.log\n    {LOGS}/b.log"));
      }
      if (chance(0.15)) {
        files.put(
            "fail2ban.local",
            List.of(
                "[Definition]",
                "dbmaxmatches = " + pick("5", "x", "20"),
                "loglevel = " + pick("DEBUG", "info", "3", "NOTICE"),
                "[Thread]",
                "stacksize = " + pick("32", "x")));
      }
      if (chance(0.05)) {
        files.put("jail.d/99-broken.local", List.of("[sshd]", "port = 1", "port = 2"));
      }
      String nl = chance(0.1) ? "\r\n" : "\n";
      ImmutableMap.Builder<String, String> out = ImmutableMap.builder();
      for (Map.Entry<String, List<String>> e : files.entrySet()) {
        out.put(e.getKey(), join(e.getValue(), nl, chance(0.9)));
      }
      return new ConfigOverlay(seed, out.buildOrThrow());
    }

    /** One section name may appear only once in a file (fail2ban refuses duplicates). */
    private static List<String> dedupe(List<String> lines) {
      List<String> out = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      boolean skip = false;
      for (String l : lines) {
        if (l.startsWith("[")) {
          skip = !seen.add(l);
        }
        if (!skip) {
          out.add(l);
        }
      }
      return out;
    }
  }
}
