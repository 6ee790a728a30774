package dev.hostguard.psad;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The kind of value a psad.conf key holds, for every key of Debian's shipped psad.conf.
 *
 * <pre>{@code
 * PsadKeyType.forKey("ENABLE_AUTO_IDS"); // SWITCH
 * PsadKeyType.forKey("IGNORE_PORTS");    // PORT_LIST
 * }</pre>
 */
public enum PsadKeyType {
  /** {@code Y} or {@code N}. */
  SWITCH,
  /** A non-negative integer ({@code DANGER_LEVELn}, thresholds, intervals, timeouts). */
  INTEGER,
  /** A file or directory path. */
  PATH,
  /** {@code EMAIL_ADDRESSES}: addresses separated by commas or blanks. */
  EMAIL_LIST,
  /** {@code IGNORE_PORTS}: {@code tcp/N[-M]} and {@code udp/N[-M]} items, or {@code NONE}. */
  PORT_LIST,
  /** {@code any}, or networks in CIDR notation ({@code HOME_NET}, {@code *_SERVERS}). */
  NETWORKS,
  /** A comma-separated list or {@code NONE} ({@code IGNORE_PROTOCOLS}, ...). */
  LIST,
  /** {@code LOG_LOCAL0} .. {@code LOG_LOCAL7}. */
  SYSLOG_FACILITY,
  /** {@code LOG_INFO}, {@code LOG_DEBUG}, ... */
  SYSLOG_PRIORITY,
  /** A command's path ({@code *Cmd} keys). */
  COMMAND,
  /** Any other text (names, patterns, prefixes, URLs). */
  TEXT;

  private static final ImmutableMap<String, PsadKeyType> KNOWN = build();

  /** The type of a key; {@link #COMMAND} for {@code *Cmd}, {@link #TEXT} for unknown keys. */
  public static PsadKeyType forKey(String key) {
    PsadKeyType t = KNOWN.get(key);
    if (t != null) {
      return t;
    }
    if (key.startsWith("ENABLE_")) {
      return SWITCH;
    }
    if (key.length() > 3 && key.endsWith("Cmd")) {
      return COMMAND;
    }
    return TEXT;
  }

  /** Whether the key is one of Debian's psad.conf (or a {@code *Cmd} / {@code ENABLE_*} key). */
  public static boolean isKnown(String key) {
    return KNOWN.containsKey(key)
        || key.startsWith("ENABLE_")
        || (key.length() > 3 && key.endsWith("Cmd"));
  }

  private static ImmutableMap<String, PsadKeyType> build() {
    Map<String, PsadKeyType> m = new HashMap<>();
    put(
        m,
        SWITCH,
        "FW_SEARCH_ALL ALERT_ALL IMPORT_OLD_SCANS SHOW_ALL_SIGNATURES EXPECT_TCP_OPTIONS"
            + " IGNORE_KERNEL_TIMESTAMP IGNORE_CONNTRACK_BUG_PKTS EMAIL_LIMIT_STATUS_MSG"
            + " AUTO_DETECT_JOURNALCTL IPT_WRITE_FWDATA USE_FW_MSG_READ_CMD_ARGS"
            + " IPTABLES_BLOCK_METHOD TCPWRAPPERS_BLOCK_METHOD FLUSH_IPT_AT_INIT"
            + " EXEC_EXT_SCRIPT_PER_ALERT TRUNCATE_FWDATA");
    put(
        m,
        INTEGER,
        "DANGER_LEVEL1 DANGER_LEVEL2 DANGER_LEVEL3 DANGER_LEVEL4 DANGER_LEVEL5"
            + " DL1_UNIQUE_HOSTS DL2_UNIQUE_HOSTS DL3_UNIQUE_HOSTS DL4_UNIQUE_HOSTS"
            + " DL5_UNIQUE_HOSTS CHECK_INTERVAL PORT_RANGE_SCAN_THRESHOLD"
            + " PORT_RANGE_SWEEP_THRESHOLD PROTOCOL_SCAN_THRESHOLD SCAN_TIMEOUT"
            + " PERSISTENCE_CTR_THRESHOLD MAX_SCAN_IP_PAIRS FW_MSG_READ_MIN_PKTS"
            + " SIG_MSG_SYSLOG_THRESHOLD SIG_SID_SYSLOG_THRESHOLD MAX_HOPS MIN_DANGER_LEVEL"
            + " EMAIL_ALERT_DANGER_LEVEL EMAIL_LIMIT EMAIL_THROTTLE TOP_PORTS_LOG_THRESHOLD"
            + " STATUS_PORTS_THRESHOLD TOP_SIGS_LOG_THRESHOLD STATUS_SIGS_THRESHOLD"
            + " TOP_IP_LOG_THRESHOLD STATUS_IP_THRESHOLD TOP_SCANS_CTR_THRESHOLD"
            + " DSHIELD_ALERT_INTERVAL DSHIELD_USER_ID DSHIELD_DL_THRESHOLD"
            + " AUTO_IDS_DANGER_LEVEL AUTO_BLOCK_TIMEOUT AUTO_BLOCK_DL1_TIMEOUT"
            + " AUTO_BLOCK_DL2_TIMEOUT AUTO_BLOCK_DL3_TIMEOUT AUTO_BLOCK_DL4_TIMEOUT"
            + " AUTO_BLOCK_DL5_TIMEOUT IPTABLES_PREREQ_CHECK WHOIS_TIMEOUT"
            + " WHOIS_LOOKUP_THRESHOLD DNS_LOOKUP_THRESHOLD DISK_CHECK_INTERVAL"
            + " DISK_MAX_PERCENTAGE DISK_MAX_RM_RETRIES MIN_ARCHIVE_DANGER_LEVEL"
            + " PSADWATCHD_CHECK_INTERVAL PSADWATCHD_MAX_RETRIES");
    put(
        m,
        PATH,
        "IPT_SYSLOG_FILE FW_MSG_READ_CMD FW_CMD EXTERNAL_SCRIPT EXTERNAL_BLOCK_SCRIPT"
            + " INSTALL_ROOT PSAD_DIR PSAD_RUN_DIR PSAD_FIFO_DIR PSAD_LIBS_DIR PSAD_CONF_DIR"
            + " PSAD_ERR_DIR CONF_ARCHIVE_DIR SCAN_DATA_ARCHIVE_DIR ANALYSIS_MODE_DIR"
            + " SNORT_RULES_DIR FWSNORT_RULES_DIR FW_DATA_FILE ULOG_DATA_FILE FW_CHECK_FILE"
            + " DSHIELD_EMAIL_FILE SIGS_FILE PROTOCOLS_FILE ICMP_TYPES_FILE ICMP6_TYPES_FILE"
            + " AUTO_DL_FILE SNORT_RULE_DL_FILE POSF_FILE P0F_FILE IP_OPTS_FILE PSAD_FIFO_FILE"
            + " ETC_HOSTS_DENY_FILE ETC_SYSLOG_CONF ETC_RSYSLOG_CONF ETC_SYSLOGNG_CONF"
            + " ETC_METALOG_CONF STATUS_OUTPUT_FILE ANALYSIS_OUTPUT_FILE INSTALL_LOG_FILE"
            + " PSAD_PID_FILE PSAD_FW_READ_PID_FILE PSAD_CMDLINE_FILE KMSGSD_PID_FILE"
            + " PSADWATCHD_PID_FILE AUTO_BLOCK_IPT_FILE AUTO_BLOCK_TCPWR_FILE AUTO_IPT_SOCK"
            + " FW_ERROR_LOG PRINT_SCAN_HASH PROC_FORWARD_FILE PACKET_COUNTER_FILE"
            + " TOP_SCANNED_PORTS_FILE TOP_SIGS_FILE TOP_ATTACKERS_FILE DSHIELD_COUNTER_FILE"
            + " IPT_PREFIX_COUNTER_FILE");
    put(m, EMAIL_LIST, "EMAIL_ADDRESSES");
    put(m, PORT_LIST, "IGNORE_PORTS");
    put(
        m,
        NETWORKS,
        "HOME_NET EXTERNAL_NET HTTP_SERVERS SMTP_SERVERS DNS_SERVERS SQL_SERVERS"
            + " TELNET_SERVERS AIM_SERVERS");
    put(
        m,
        LIST,
        "IGNORE_PROTOCOLS IGNORE_INTERFACES IGNORE_LOG_PREFIXES ALERTING_METHODS"
            + " IPT_AUTO_CHAIN1 IPT_AUTO_CHAIN2 IPT_AUTO_CHAIN3 HTTP_PORTS SHELLCODE_PORTS"
            + " ORACLE_PORTS");
    put(m, SYSLOG_FACILITY, "SYSLOG_FACILITY");
    put(m, SYSLOG_PRIORITY, "SYSLOG_PRIORITY");
    put(
        m,
        TEXT,
        "HOSTNAME FW_MSG_SEARCH IFCFGTYPE SNORT_SID_STR SYSLOG_DAEMON FW_MSG_READ_CMD_ARGS"
            + " EMAIL_APPEND_HEADER SYSLOG_IDENTITY FW_CMD_ARGS DSHIELD_ALERT_EMAIL"
            + " DSHIELD_USER_EMAIL AUTO_BLOCK_REGEX CUSTOM_SYSLOG_TS_RE MAIL_ALERT_PREFIX"
            + " MAIL_STATUS_PREFIX MAIL_ERROR_PREFIX MAIL_FATAL_PREFIX SIG_UPDATE_URL"
            + " IPT_OUTPUT_PATTERN IPT_ERROR_PATTERN");
    return ImmutableMap.copyOf(m);
  }

  private static void put(Map<String, PsadKeyType> m, PsadKeyType type, String keys) {
    for (String k : Splitter.on(' ').omitEmptyStrings().split(keys)) {
      m.put(k, type);
    }
  }
}
