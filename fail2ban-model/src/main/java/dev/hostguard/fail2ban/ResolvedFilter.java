package dev.hostguard.fail2ban;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The filter a jail really uses after resolution: {@code filter.d/NAME} with its {@code [Init]}
 * values, the jail's {@code NAME[k=v]} options and the jail's own overrides, tags substituted.
 *
 * <pre>{@code
 * ResolvedFilter f = jail.filter().orElseThrow();
 * f.failregex().size(); f.datepattern(); // 22, Optional[{^LN-BEG}]
 * }</pre>
 */
public record ResolvedFilter(
    String name,
    Optional<String> prefregex,
    ImmutableList<String> failregex,
    ImmutableList<String> ignoreregex,
    Optional<String> datepattern,
    Optional<Integer> maxlines,
    ImmutableList<ImmutableList<String>> journalmatch) {}
