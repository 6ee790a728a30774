package dev.hostguard.host;

import dev.hostguard.ufw.AppProfile;
import dev.hostguard.ufw.AppProfiles;
import dev.hostguard.ufw.UfwDirection;
import dev.hostguard.ufw.UfwProtocol;
import dev.hostguard.ufw.UfwRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packets the rules of one chain ({@code ufw-user-input}, {@code -output} or {@code -forward}
 * of one IP version) can tell apart, cut into finitely many atoms per dimension so that every rule
 * is exactly a union of boxes (a set of atoms per dimension) and set difference is exact.
 * Dimensions: in-interface, out-interface, protocol, source address, source port, destination
 * address, destination port. Atoms: interfaces by the names and {@code +} prefixes the rules use
 * (plus one for every other name); protocols by ufw's words (plus one for every other protocol);
 * addresses and ports by the elementary intervals between the rules' bounds.
 *
 * <p>A rule's boxes are the packets {@link UfwRuleMatcher} matches: the iptables lines of {@code
 * UFWRule.format_rule}.
 */
final class MatchSpace {
  static final int IF_IN = 0;
  static final int IF_OUT = 1;
  static final int PROTOCOL = 2;
  static final int SOURCE = 3;
  static final int SOURCE_PORT = 4;
  static final int DESTINATION = 5;
  static final int DESTINATION_PORT = 6;
  private static final int DIMENSIONS = 7;

  private static final List<UfwProtocol> PROTOCOLS =
      List.of(
          UfwProtocol.TCP,
          UfwProtocol.UDP,
          UfwProtocol.IPV6,
          UfwProtocol.ESP,
          UfwProtocol.AH,
          UfwProtocol.IGMP,
          UfwProtocol.GRE,
          UfwProtocol.VRRP);

  private final boolean v6;
  private final AppProfiles profiles;
  private final List<InterfaceAtom> interfaces;
  private final List<BigInteger> sourceCuts;
  private final List<BigInteger> destinationCuts;
  private final List<BigInteger> sourcePortCuts;
  private final List<BigInteger> destinationPortCuts;

  /** One class of interface names: an exact name, a prefix's other names, or every other name. */
  private record InterfaceAtom(Optional<String> exact, Optional<String> prefix) {}

  /** A set of atoms per dimension: the packets in their product. */
  static final class Box {
    private final BitSet[] dims;

    Box(BitSet[] dims) {
      this.dims = dims;
    }

    boolean isEmpty() {
      for (BitSet d : dims) {
        if (d.isEmpty()) {
          return true;
        }
      }
      return false;
    }

    boolean intersects(Box other) {
      for (int i = 0; i < dims.length; i++) {
        if (!dims[i].intersects(other.dims[i])) {
          return false;
        }
      }
      return true;
    }

    /** This box minus {@code other}: disjoint boxes, at most one per dimension. */
    List<Box> minus(Box other) {
      if (!intersects(other)) {
        return List.of(this);
      }
      List<Box> pieces = new ArrayList<>();
      BitSet[] prefix = new BitSet[dims.length];
      for (int i = 0; i < dims.length; i++) {
        BitSet outside = (BitSet) dims[i].clone();
        outside.andNot(other.dims[i]);
        if (!outside.isEmpty()) {
          BitSet[] piece = new BitSet[dims.length];
          for (int k = 0; k < dims.length; k++) {
            piece[k] = k < i ? prefix[k] : k == i ? outside : dims[k];
          }
          pieces.add(new Box(piece));
        }
        BitSet inside = (BitSet) dims[i].clone();
        inside.and(other.dims[i]);
        prefix[i] = inside;
      }
      return pieces;
    }
  }

  private MatchSpace(boolean v6, AppProfiles profiles, List<UfwRule> rules) {
    this.v6 = v6;
    this.profiles = profiles;
    TreeSet<String> exact = new TreeSet<>();
    TreeSet<String> prefixes = new TreeSet<>();
    TreeSet<BigInteger> src = new TreeSet<>();
    TreeSet<BigInteger> dst = new TreeSet<>();
    TreeSet<BigInteger> sport = new TreeSet<>();
    TreeSet<BigInteger> dport = new TreeSet<>();
    BigInteger top = BigInteger.ONE.shiftLeft(v6 ? 128 : 32);
    for (TreeSet<BigInteger> s : List.of(src, dst)) {
      s.add(BigInteger.ZERO);
      s.add(top);
    }
    for (TreeSet<BigInteger> s : List.of(sport, dport)) {
      s.add(BigInteger.ONE);
      s.add(BigInteger.valueOf(65536));
    }
    for (UfwRule r : rules) {
      for (Optional<String> i : List.of(r.interfaceIn(), r.interfaceOut())) {
        if (i.isPresent()) {
          String name = i.get();
          if (name.endsWith("+")) {
            prefixes.add(name.substring(0, name.length() - 1));
          } else {
            exact.add(name);
          }
        }
      }
      addCuts(src, r.source());
      addCuts(dst, r.destination());
      for (Expanded e : expand(r)) {
        e.sourcePorts().ifPresent(p -> addCuts(sport, p));
        e.destinationPorts().ifPresent(p -> addCuts(dport, p));
      }
    }
    List<InterfaceAtom> atoms = new ArrayList<>();
    exact.forEach(n -> atoms.add(new InterfaceAtom(Optional.of(n), Optional.empty())));
    prefixes.forEach(p -> atoms.add(new InterfaceAtom(Optional.empty(), Optional.of(p))));
    atoms.add(new InterfaceAtom(Optional.empty(), Optional.empty()));
    this.interfaces = List.copyOf(atoms);
    this.sourceCuts = List.copyOf(src);
    this.destinationCuts = List.copyOf(dst);
    this.sourcePortCuts = List.copyOf(sport);
    this.destinationPortCuts = List.copyOf(dport);
  }

  /** The space of one chain's rules ({@code v6} tells the address width). */
  static MatchSpace of(boolean v6, AppProfiles profiles, List<UfwRule> rules) {
    return new MatchSpace(v6, profiles, rules);
  }

  /** One iptables-line family of a rule: its protocols and port lists (empty = any port). */
  private record Expanded(
      Optional<UfwProtocol> protocol,
      boolean anyProtocol,
      Optional<UfwRuleMatcher.PortList> sourcePorts,
      Optional<UfwRuleMatcher.PortList> destinationPorts) {}

  /**
   * The rule as the port lists its iptables lines match, its application profiles expanded.
   *
   * @throws IllegalArgumentException for a rule naming a profile this space does not know
   */
  private List<Expanded> expand(UfwRule r) {
    List<Optional<String>> dports = portTexts(r.destinationPort(), r.destinationApp());
    List<Optional<String>> sports = portTexts(r.sourcePort(), r.sourceApp());
    List<Expanded> out = new ArrayList<>();
    for (Optional<String> d : dports) {
      for (Optional<String> s : sports) {
        Optional<UfwProtocol> proto =
            r.protocol() == UfwProtocol.ANY ? Optional.empty() : Optional.of(r.protocol());
        Optional<String> dText = d.map(MatchSpace::withoutProtocol);
        Optional<String> sText = s.map(MatchSpace::withoutProtocol);
        for (Optional<String> t : List.of(d, s)) {
          if (t.isPresent() && t.get().contains("/")) {
            proto = UfwProtocol.fromWord(t.get().substring(t.get().indexOf('/') + 1));
          }
        }
        boolean hasPorts = dText.isPresent() || sText.isPresent();
        boolean multi =
            dText.filter(MatchSpace::isList).isPresent()
                || sText.filter(MatchSpace::isList).isPresent();
        if (proto.isEmpty() && (!hasPorts || multi)) {
          // "-p all" without a port match (UfwRuleMatcher.protocolAndPortsMatch)
          out.add(new Expanded(Optional.empty(), true, Optional.empty(), Optional.empty()));
        } else {
          out.add(
              new Expanded(
                  proto,
                  false,
                  sText.map(UfwRuleMatcher.PortList::of),
                  dText.map(UfwRuleMatcher.PortList::of)));
        }
      }
    }
    return out;
  }

  private static boolean isList(String ports) {
    return ports.indexOf(',') >= 0 || ports.indexOf(':') >= 0;
  }

  private static String withoutProtocol(String port) {
    int slash = port.indexOf('/');
    return slash < 0 ? port : port.substring(0, slash);
  }

  /** {@code any} as empty; a profile still named as the port as its port specs. */
  private List<Optional<String>> portTexts(String text, Optional<String> app) {
    if (text.equals("any")) {
      return List.of(Optional.empty());
    }
    if (app.isPresent() && text.equals(app.get())) {
      AppProfile p = profiles.byName().get(app.get());
      if (p == null || p.ports().isEmpty()) {
        throw new IllegalArgumentException("unknown application profile '" + app.get() + "'");
      }
      List<Optional<String>> specs = new ArrayList<>();
      p.ports().forEach(s -> specs.add(Optional.of(s)));
      return specs;
    }
    return List.of(Optional.of(text));
  }

  private void addCuts(Set<BigInteger> cuts, String address) {
    BigInteger[] range = addressRange(address);
    cuts.add(range[0]);
    cuts.add(range[1]);
  }

  private static void addCuts(Set<BigInteger> cuts, UfwRuleMatcher.PortList ports) {
    for (UfwRuleMatcher.PortList.Range r : ports.ranges()) {
      cuts.add(BigInteger.valueOf(r.low()));
      cuts.add(BigInteger.valueOf(r.high() + 1L));
    }
  }

  /** [first, last + 1) of an address with an optional prefix length. */
  private BigInteger[] addressRange(String text) {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = com.google.common.net.InetAddresses.forString(host).getAddress();
    int bits = bytes.length * 8;
    if (bits != (v6 ? 128 : 32)) {
      throw new IllegalArgumentException("address of the other IP version: " + text);
    }
    int length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    BigInteger value = new BigInteger(1, bytes);
    BigInteger size = BigInteger.ONE.shiftLeft(bits - length);
    BigInteger first = value.subtract(value.mod(size));
    return new BigInteger[] {first, first.add(size)};
  }

  /**
   * The boxes of the packets a rule matches in its chain; empty when it matches nothing.
   *
   * @throws IllegalArgumentException for an application rule whose profile is unknown
   */
  List<Box> boxes(UfwRule r) {
    BitSet in = interfaceAtoms(r.interfaceIn());
    BitSet out = interfaceAtoms(r.interfaceOut());
    if (!r.route()) {
      // an input rule with "out on" (or an output rule with "in on") matches no packet
      if ((r.direction() == UfwDirection.IN && r.interfaceOut().isPresent())
          || (r.direction() == UfwDirection.OUT && r.interfaceIn().isPresent())) {
        return List.of();
      }
    }
    BitSet src = addressAtoms(sourceCuts, r.source());
    BitSet dst = addressAtoms(destinationCuts, r.destination());
    List<Box> boxes = new ArrayList<>();
    for (Expanded e : expand(r)) {
      BitSet proto = new BitSet();
      if (e.anyProtocol()) {
        proto.set(0, PROTOCOLS.size() + 1);
      } else if (e.protocol().isEmpty()) {
        proto.set(PROTOCOLS.indexOf(UfwProtocol.TCP));
        proto.set(PROTOCOLS.indexOf(UfwProtocol.UDP));
      } else {
        proto.set(PROTOCOLS.indexOf(e.protocol().get()));
      }
      BitSet[] dims = new BitSet[DIMENSIONS];
      dims[IF_IN] = in;
      dims[IF_OUT] = out;
      dims[PROTOCOL] = proto;
      dims[SOURCE] = src;
      dims[SOURCE_PORT] = portAtoms(sourcePortCuts, e.sourcePorts());
      dims[DESTINATION] = dst;
      dims[DESTINATION_PORT] = portAtoms(destinationPortCuts, e.destinationPorts());
      Box b = new Box(dims);
      if (!b.isEmpty()) {
        boxes.add(b);
      }
    }
    return boxes;
  }

  private BitSet interfaceAtoms(Optional<String> pattern) {
    BitSet s = new BitSet();
    if (pattern.isEmpty()) {
      s.set(0, interfaces.size());
      return s;
    }
    String name = pattern.get();
    boolean prefix = name.endsWith("+");
    String stem = prefix ? name.substring(0, name.length() - 1) : name;
    for (int i = 0; i < interfaces.size(); i++) {
      InterfaceAtom a = interfaces.get(i);
      boolean match;
      if (a.exact().isPresent()) {
        match = prefix ? a.exact().get().startsWith(stem) : a.exact().get().equals(stem);
      } else if (a.prefix().isPresent()) {
        // the names with this prefix that no exact name and no longer prefix takes
        match = prefix && a.prefix().get().startsWith(stem);
      } else {
        match = false;
      }
      if (match) {
        s.set(i);
      }
    }
    return s;
  }

  private BitSet addressAtoms(List<BigInteger> cuts, String address) {
    BigInteger[] range = addressRange(address);
    return intervalAtoms(cuts, range[0], range[1]);
  }

  private static BitSet portAtoms(List<BigInteger> cuts, Optional<UfwRuleMatcher.PortList> ports) {
    if (ports.isEmpty()) {
      BitSet all = new BitSet();
      all.set(0, cuts.size() - 1);
      return all;
    }
    BitSet s = new BitSet();
    for (UfwRuleMatcher.PortList.Range r : ports.get().ranges()) {
      s.or(intervalAtoms(cuts, BigInteger.valueOf(r.low()), BigInteger.valueOf(r.high() + 1L)));
    }
    return s;
  }

  /**
   * The atoms (elementary intervals between consecutive cuts) inside [from, to); both bounds are
   * cuts.
   */
  private static BitSet intervalAtoms(List<BigInteger> cuts, BigInteger from, BigInteger to) {
    BitSet s = new BitSet();
    int lo = Collections.binarySearch(cuts, from);
    int hi = Collections.binarySearch(cuts, to);
    if (lo < 0 || hi < 0) {
      throw new IllegalStateException("bounds are not cuts: " + from + ", " + to);
    }
    s.set(lo, hi);
    return s;
  }
}
