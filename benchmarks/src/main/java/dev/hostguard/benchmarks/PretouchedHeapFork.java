package dev.hostguard.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * The fork every hostguard benchmark runs in, inherited by each (JMH's {@code @Fork} is
 * {@code @Inherited}): one fork with a fixed 2 GB heap that the JVM touches at start-up. On a VM
 * whose guest memory is backed lazily, the first touch of each heap page is slow; without this a
 * fork's first iterations at the large sizes ran 3-10x slower until young collections began reusing
 * pages (user.rules write, 10k rules: 234, 91, 160, 220, 260, 74 ms, then 23.5 ms an iteration; 93,
 * 34, 25, then 24 ms pre-touched), so large-size figures and scaling ratios followed the machine's
 * state rather than the code. A benchmark gets it by extending this class:
 *
 * <pre>{@code
 * public class UfwRuleBenchmark extends PretouchedHeapFork { ... }
 * }</pre>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
abstract class PretouchedHeapFork {}
