package dev.hostguard.ufw;

/**
 * A rule's optional texts for the renderers (command, tuple line, iptables lines), each read once
 * ({@code ""} when absent): every read of an optional attribute makes an {@link
 * java.util.Optional}, and the renderers read them more than once.
 */
record RuleTexts(String ifIn, String ifOut, String dapp, String sapp) {
  static RuleTexts of(UfwRule r) {
    return new RuleTexts(
        r.interfaceIn().orElse(""),
        r.interfaceOut().orElse(""),
        r.destinationApp().orElse(""),
        r.sourceApp().orElse(""));
  }

  /**
   * An upper estimate of what the rule's texts take in an iptables line, that buffers are sized
   * with so they do not grow.
   */
  int length(UfwRule r) {
    return r.destinationPort().length()
        + r.destination().length()
        + r.sourcePort().length()
        + r.source().length()
        + ifIn.length()
        + ifOut.length()
        + 2 * (dapp.length() + sapp.length());
  }

  /** {@link AbstractUfwRule#multi()} from the texts read. */
  boolean multi(UfwRule r) {
    return isList(r.destinationPort(), dapp) || isList(r.sourcePort(), sapp);
  }

  private static boolean isList(String port, String app) {
    return (app.isEmpty() || !port.equals(app))
        && (port.indexOf(',') >= 0 || port.indexOf(':') >= 0);
  }
}
