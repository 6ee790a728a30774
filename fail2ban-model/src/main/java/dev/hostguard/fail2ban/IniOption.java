package dev.hostguard.fail2ban;

/**
 * One option of a fail2ban ini file as fail2ban reads it: its section, its key (lowercased, as
 * Python's ConfigParser stores it), its value (continuation lines joined with {@code \n}, inline
 * {@code ;} comments removed) and the 0-based lines it spans.
 *
 * <pre>{@code
 * IniOption port = doc.options().get(0);
 * port.section(); port.key(); port.value(); // "sshd", "port", "ssh"
 * }</pre>
 */
public record IniOption(String section, String key, String value, int firstLine, int lastLine) {}
