package dev.hostguard.host;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import dev.hostguard.psad.PsadConfDocument;
import dev.hostguard.ufw.ServicesDatabase;
import dev.hostguard.ufw.UfwTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a host holds now, as far as a {@link DesiredState} speaks of it: ufw's tree (with {@code
 * before.rules}) and whether ufw is enabled, psad.conf, and the fail2ban {@code .local} files the
 * desired state names. {@link #read} reads it through {@link HostFiles}.
 *
 * <pre>{@code
 * HostState actual = HostState.read(files, desired);
 * Plan plan = Plan.of(desired, actual);
 * }</pre>
 *
 * @param ufw ufw's tree ({@link HostTrees#ufw})
 * @param services the services table ufw reads on the target
 * @param ufwEnabled whether ufw is enabled (by default what {@code ufw.conf} says)
 * @param psadConf psad.conf, when it exists
 * @param fail2banFiles the text of each fail2ban file the desired state names (absolute path),
 *     absent ones left out
 */
public record HostState(
    UfwTree ufw,
    ServicesDatabase services,
    boolean ufwEnabled,
    Optional<PsadConfDocument> psadConf,
    ImmutableMap<Path, String> fail2banFiles) {

  /** Checks non-null parts. */
  public HostState {
    requireNonNull(ufw, "ufw");
    requireNonNull(services, "services");
    requireNonNull(psadConf, "psadConf");
    fail2banFiles = ImmutableMap.copyOf(fail2banFiles);
  }

  /**
   * Reads what {@code desired} speaks of from the target: ufw's tree and services table always,
   * psad.conf when the desired state sets psad keys, the fail2ban files it names.
   */
  public static HostState read(HostFiles files, DesiredState desired) {
    Path etcServices = Path.of("/etc/services");
    ServicesDatabase services =
        files
            .read(etcServices)
            .map(b -> ServicesDatabase.parse(etcServices.toString(), b))
            .orElseGet(() -> ServicesDatabase.parse(etcServices.toString(), ""));
    UfwTree ufw = HostTrees.ufw(files, services);
    Optional<PsadConfDocument> psad =
        desired.psadSettings().isEmpty()
            ? Optional.empty()
            : files
                .read(desired.psadConf())
                .map(b -> PsadConfDocument.parse(desired.psadConf().toString(), b));
    Map<Path, String> f2b = new LinkedHashMap<>();
    for (Fail2banOverride o : desired.fail2banOverrides()) {
      Path abs = desired.fail2banDir().resolve(o.file());
      if (!f2b.containsKey(abs)) {
        files.read(abs).ifPresent(b -> f2b.put(abs, HostTrees.utf8(b)));
      }
    }
    return new HostState(ufw, services, ufw.conf().enabled(), psad, ImmutableMap.copyOf(f2b));
  }

  /** This state with ufw's enabled state as {@code ufw status} reports it. */
  public HostState withUfwEnabled(boolean enabled) {
    return new HostState(ufw, services, enabled, psadConf, fail2banFiles);
  }
}
