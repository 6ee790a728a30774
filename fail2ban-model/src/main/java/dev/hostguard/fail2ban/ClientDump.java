package dev.hostguard.fail2ban;

import dev.hostguard.core.internal.PythonText;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code fail2ban-client -c DIR -d} does: read {@code fail2ban.conf} early, then the jails,
 * and print the server command stream (or its one-line error) with fail2ban's exit status.
 */
final class ClientDump {
  private static final Set<String> LOG_LEVELS =
      Set.of(
          "BASIC_FORMAT",
          "CRITICAL",
          "DEBUG",
          "ERROR",
          "FATAL",
          "HEAVYDEBUG",
          "INFO",
          "MSG",
          "NOTICE",
          "NOTSET",
          "TRACEDEBUG",
          "WARN",
          "WARNING",
          "_STYLES");
  static final String STREAM_FAILED =
      "ERROR: The configuration stream failed because of the invalid syntax.";

  private ClientDump() {}

  /** The outcome: the stream (or {@code null}), the stdout error line, the exit code, the log. */
  record Outcome(
      @Nullable List<List<Object>> stream,
      @Nullable String errorLine,
      int exitCode,
      List<String> log) {}

  private static void checkLogLevel(Object value) {
    String v = PythonText.str(value);
    if (!v.isEmpty() && allDigits(v)) {
      return;
    }
    if (!LOG_LEVELS.contains(v.toUpperCase(java.util.Locale.ROOT))) {
      throw ConfigError.value("Invalid log level " + PythonText.reprString(v));
    }
  }

  /** Every UTF-16 unit a digit ({@code Character.isDigit}); a loop, not a stream, when cold. */
  private static boolean allDigits(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (!Character.isDigit(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static Outcome run(Fail2banConfigSource source) {
    // one dump, one view of the files: each question asked once, and a path whose directory lists
    // without it answered as missing without a question of its own (FileView.Snapshot)
    ConfigSession session =
        new ConfigSession(source.directoryName(), FileView.snapshot(source.files()));
    LinkedHashMap<String, @Nullable Object> conf = new LinkedHashMap<>();
    ConfigSession.NamedConfig f2b;
    try {
      f2b = session.reader("fail2ban");
      LinkedHashMap<String, @Nullable Object> early =
          OptionTemplate.read(
              session,
              f2b.store,
              "Definition",
              List.of(
                  OptionTemplate.string("socket", "/var/run/fail2ban/fail2ban.sock"),
                  OptionTemplate.string("pidfile", "/var/run/fail2ban/fail2ban.pid"),
                  OptionTemplate.string("loglevel", "INFO"),
                  OptionTemplate.string("logtarget", "/var/log/fail2ban.log"),
                  OptionTemplate.string("syslogsocket", "auto")),
              null,
              false,
              true);
      for (String o : List.of("socket", "pidfile", "logtarget", "loglevel", "syslogsocket")) {
        if (early.containsKey(o)) {
          conf.put(o, early.get(o));
        }
      }
      checkLogLevel(conf.get("loglevel"));
    } catch (ConfigError e) {
      return failed(session, null, "ERROR: " + e.getMessage());
    }
    session.clearShared();
    List<List<Object>> stream;
    boolean ret;
    try {
      // Fail2banReader.getOptions
      LinkedHashMap<String, @Nullable Object> opts =
          OptionTemplate.read(
              session,
              f2b.store,
              "Definition",
              List.of(
                  OptionTemplate.string("loglevel", "INFO"),
                  OptionTemplate.string("logtarget", "STDERR"),
                  OptionTemplate.string("syslogsocket", "auto"),
                  OptionTemplate.string("allowipv6", "auto"),
                  OptionTemplate.string("dbfile", "/var/lib/fail2ban/fail2ban.sqlite3"),
                  OptionTemplate.integer("dbmaxmatches", null),
                  OptionTemplate.string("dbpurgeage", "1d")),
              null,
              false,
              true);
      opts.putAll(conf);
      checkLogLevel(opts.getOrDefault("loglevel", BigInteger.ZERO));
      if (f2b.store.hasSection("Thread")) {
        LinkedHashMap<String, @Nullable Object> th =
            OptionTemplate.read(
                session,
                f2b.store,
                "Thread",
                List.of(OptionTemplate.integer("stacksize", null)),
                null,
                false,
                true);
        if (!th.isEmpty()) {
          opts.put("thread", th);
        }
      }
      // JailsReader.read + getOptions
      ConfigSession.NamedConfig jails = session.reader("jail");
      int parseStatus = 0;
      List<JailReader> readers = new ArrayList<>();
      for (String sec : jails.store.sectionNames()) {
        if (sec.equals("INCLUDES")) {
          continue;
        }
        JailReader jail = new JailReader(session, jails.store, sec);
        if (jail.getOptions()) {
          if (jail.isEnabled()) {
            parseStatus |= 1;
            readers.add(jail);
          }
        } else {
          session.error("Errors in jail " + PythonText.reprString(sec) + ". Skipping...");
          readers.add(jail);
          parseStatus |= 2;
        }
      }
      ret = (parseStatus & 1) != 0 || (parseStatus & 2) == 0;
      // convertToProtocol
      stream = new ArrayList<>();
      stream.addAll(general(opts));
      for (JailReader j : readers) {
        stream.addAll(j.convert());
      }
      for (JailReader j : readers) {
        if (j.configError() == null) {
          stream.add(DumpCommands.list("start", j.name()));
        }
      }
    } catch (ConfigError e) {
      session.error("Failed during configuration: " + e.getMessage());
      return failed(session, null, STREAM_FAILED);
    }
    return ret ? new Outcome(stream, null, 0, session.log()) : failed(session, stream, null);
  }

  /**
   * Exit 255: fail2ban-client's last log line is then always {@code Init of command line failed}.
   */
  private static Outcome failed(
      ConfigSession session, @Nullable List<List<Object>> stream, @Nullable String errorLine) {
    session.error("Init of command line failed");
    return new Outcome(stream, errorLine, 255, session.log());
  }

  /** Fail2banReader.convert: fixed order by index, then by name. */
  private static List<List<Object>> general(Map<String, @Nullable Object> opts) {
    Map<String, Integer> order = new LinkedHashMap<>();
    order.put("thread", 0);
    order.put("syslogsocket", 11);
    order.put("loglevel", 12);
    order.put("logtarget", 13);
    order.put("allowipv6", 14);
    order.put("dbfile", 50);
    order.put("dbmaxmatches", 51);
    order.put("dbpurgeage", 51);
    List<String> keys = new ArrayList<>();
    for (String k : opts.keySet()) {
      if (order.containsKey(k)) {
        keys.add(k);
      }
    }
    keys.sort(
        (a, b) -> {
          int c = Integer.compare(order.get(a), order.get(b));
          return c != 0 ? c : a.compareTo(b);
        });
    List<List<Object>> out = new ArrayList<>();
    for (String k : keys) {
      out.add(DumpCommands.list("set", k, opts.get(k)));
    }
    return out;
  }
}
