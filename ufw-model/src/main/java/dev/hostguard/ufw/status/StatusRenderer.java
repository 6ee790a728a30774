package dev.hostguard.ufw.status;

import dev.hostguard.ufw.UfwAction;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwLogType;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Prints a status exactly as ufw 0.36's {@code get_status} formats it. */
final class StatusRenderer {
  static final String ACTIVE = "Status: active";
  static final String INACTIVE = "Status: inactive";
  static final String NUMBER_INDENT = "     ";
  static final String COLUMNS = "To                         Action      From";
  static final String RULERS = "--                         ------      ----";
  static final int CELL = 26;
  static final int ACTION = 12;

  private StatusRenderer() {}

  private static boolean isOut(StatusEntry e) {
    return e.direction().orElse(UfwDirection.IN) == UfwDirection.OUT;
  }

  /** 0 incoming, 1 outgoing, 2 routed: the plain form's groups. */
  static int group(StatusEntry e) {
    if (e.route()) {
      return 2;
    }
    return isOut(e) ? 1 : 0;
  }

  /** The word after the action: FWD, OUT, IN, or none (incoming rules in the plain form). */
  static Optional<String> directionWord(StatusEntry e, StatusForm form) {
    return Optional.ofNullable(directionWordOrNull(e, form));
  }

  private static @Nullable String directionWordOrNull(StatusEntry e, StatusForm form) {
    if (e.route()) {
      return "FWD";
    }
    if (isOut(e)) {
      return "OUT";
    }
    return form == StatusForm.PLAIN ? null : "IN";
  }

  /** ufw lists {@code out} in the attributes of outgoing rules in the numbered form. */
  static boolean outAttribute(StatusEntry e, StatusForm form) {
    return form == StatusForm.NUMBERED && isOut(e);
  }

  static String render(AbstractUfwStatus status) {
    if (status.form() == StatusForm.INACTIVE) {
      return INACTIVE + "\n";
    }
    StringBuilder sb = new StringBuilder(64 + status.entries().size() * 96);
    sb.append(ACTIVE);
    status
        .header()
        .ifPresent(
            h ->
                sb.append('\n')
                    .append(h.loggingLine())
                    .append('\n')
                    .append(h.defaultLine())
                    .append('\n')
                    .append(h.newProfilesLine()));
    if (!status.entries().isEmpty()) {
      boolean numbered = status.form() == StatusForm.NUMBERED;
      String indent = numbered ? NUMBER_INDENT : "";
      sb.append("\n\n").append(indent).append(COLUMNS).append('\n');
      sb.append(indent).append(RULERS).append('\n');
      boolean anyIncoming = false;
      int previous = 0;
      int number = 1;
      for (StatusEntry e : status.entries()) {
        if (!numbered) {
          int g = group(e);
          if (g == 0) {
            anyIncoming = true;
          } else if (g != previous && anyIncoming) {
            sb.append('\n');
          }
          previous = g;
        }
        appendEntry(sb, e, status.form(), number++);
      }
    }
    return sb.append('\n').toString();
  }

  static void appendEntry(StringBuilder sb, StatusEntry e, StatusForm form, int number) {
    if (form == StatusForm.NUMBERED) {
      sb.append('[');
      if (number < 10) {
        sb.append(' ');
      }
      sb.append(number).append("] ");
    }
    pad(sb, e.to(), CELL);
    sb.append(' ');
    int start = sb.length();
    sb.append(ACTION_WORDS[e.action().ordinal()]);
    String word = directionWordOrNull(e, form);
    if (word != null) {
      sb.append(' ').append(word);
    }
    while (sb.length() - start < ACTION) {
      sb.append(' ');
    }
    pad(sb, e.from(), CELL);
    // the attributes ufw appends after From: " (log, out)" or nothing
    boolean out = outAttribute(e, form);
    if (e.logType() == UfwLogType.NONE) {
      if (out) {
        sb.append(" (out)");
      }
    } else {
      sb.append(" (").append(e.logType().word()).append(out ? ", out)" : ")");
    }
    if (e.comment().isPresent()) {
      sb.append(" # ").append(e.comment().get());
    }
    sb.append('\n');
  }

  /** The actions' words as the action column prints them, by ordinal. */
  private static final String[] ACTION_WORDS = actionWords();

  private static String[] actionWords() {
    UfwAction[] actions = UfwAction.values();
    String[] words = new String[actions.length];
    for (UfwAction a : actions) {
      words[a.ordinal()] = a.word().toUpperCase(Locale.ROOT);
    }
    return words;
  }

  private static void pad(StringBuilder sb, StatusLocation cell, int width) {
    cell.appendTo(sb);
    for (int i = cell.length(); i < width; i++) {
      sb.append(' ');
    }
  }
}
