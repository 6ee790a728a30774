package dev.hostguard.ufw.status;

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

  /** 0 incoming, 1 outgoing, 2 routed: the plain form's groups. */
  static int group(StatusEntry e) {
    return switch (e.direction()) {
      case FWD -> 2;
      case OUT -> 1;
      default -> 0;
    };
  }

  static String render(UfwStatus status) {
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
        appendEntry(sb, e, numbered);
      }
    }
    return sb.append('\n').toString();
  }

  static void appendEntry(StringBuilder sb, StatusEntry e, boolean numbered) {
    if (numbered) {
      sb.append('[');
      if (e.number() < 10) {
        sb.append(' ');
      }
      sb.append(e.number()).append("] ");
    }
    pad(sb, e.to().text(), CELL);
    sb.append(' ');
    int start = sb.length();
    sb.append(e.action().name());
    if (e.direction() != StatusDirection.NONE) {
      sb.append(' ').append(e.direction().text());
    }
    while (sb.length() - start < ACTION) {
      sb.append(' ');
    }
    pad(sb, e.from().text(), CELL);
    sb.append(e.attributeText());
    e.comment().ifPresent(c -> sb.append(" # ").append(c));
    sb.append('\n');
  }

  private static void pad(StringBuilder sb, String text, int width) {
    sb.append(text);
    for (int i = text.length(); i < width; i++) {
      sb.append(' ');
    }
  }
}
