package dev.hostguard.ufw.conf;

/**
 * One {@code KEY=value} line of a shell-variable file, with the value as written and unquoted.
 *
 * <pre>{@code
 * ConfAssignment a = file.assignment("DEFAULT_INPUT_POLICY").orElseThrow();
 * a.rawValue(); // "\"DROP\""   a.value(); // "DROP"
 * }</pre>
 *
 * @param key the variable name
 * @param rawValue the text after {@code =}
 * @param value the value without one pair of surrounding quotes
 * @param lineIndex 0-based line index
 * @param valueColumn 0-based column where the raw value starts
 */
public record ConfAssignment(
    String key, String rawValue, String value, int lineIndex, int valueColumn) {}
