package dev.hostguard.testing;

import static org.quicktheories.QuickTheory.qt;

import com.google.common.collect.ImmutableList;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.quicktheories.core.Gen;

/**
 * How much a generator-driven test explores: its fixed seeds plus one fresh random seed per run
 * (printed, so a failure is reproduced with {@code -Dhostguard.seed=N}), and how many examples an
 * in-memory law checks (1,000 by default, 10,000 with {@code -Pexhaustive}). {@link #floor} makes a
 * test that skips cases (commands the tool refuses, say) state how many it really checked and fail
 * under a minimum, so it can never pass on nothing. {@link #sample} draws a fixed list of values
 * from a generator, for a test that runs each through a real tool.
 *
 * <pre>{@code
 * @ParameterizedTest(name = "seed {0}") @MethodSource("seeds") void law(long seed) { ... }
 * static List<Long> seeds() { return Exploration.seeds("MyLawsTest", 7L); }
 * }</pre>
 */
public final class Exploration {
  /** System property naming the one seed to run instead of the fixed and fresh ones. */
  public static final String SEED_PROPERTY = "hostguard.seed";

  /** System property setting the examples of in-memory laws ({@code -Pexhaustive}: 10,000). */
  public static final String EXAMPLES_PROPERTY = "hostguard.examples";

  private static final int DEFAULT_EXAMPLES = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Exploration() {}

  /**
   * The seeds a test runs: {@code fixed} then one fresh random seed, printed with the test's name;
   * or only the seed {@code -Dhostguard.seed=N} names.
   */
  public static ImmutableList<Long> seeds(String testName, long... fixed) {
    String given = System.getProperty(SEED_PROPERTY);
    if (given != null && !given.isBlank()) {
      long seed = Long.parseLong(given.strip());
      System.out.println(testName + ": seed " + seed + " (from -D" + SEED_PROPERTY + ")");
      return ImmutableList.of(seed);
    }
    ImmutableList.Builder<Long> seeds = ImmutableList.builder();
    for (long f : fixed) {
      seeds.add(f);
    }
    long fresh = freshSeed();
    System.out.println(
        testName
            + ": fresh seed "
            + fresh
            + " (reproduce with -D"
            + SEED_PROPERTY
            + "="
            + fresh
            + ")");
    return seeds.add(fresh).build();
  }

  /** A new random seed, positive so it reads well on a command line. */
  public static long freshSeed() {
    return RANDOM.nextLong() & Long.MAX_VALUE;
  }

  /**
   * The examples an in-memory law runs: {@code -Dhostguard.examples} (set to 10,000 by {@code
   * -Pexhaustive}), else 1,000; never fewer than {@code atLeast}.
   */
  public static int examples(int atLeast) {
    int configured = Integer.getInteger(EXAMPLES_PROPERTY, DEFAULT_EXAMPLES);
    return Math.max(configured, atLeast);
  }

  /** The examples an in-memory law runs by default: {@link #examples(int) examples(1000)}. */
  public static int examples() {
    return examples(DEFAULT_EXAMPLES);
  }

  /**
   * The values QuickTheories draws from {@code gen} with {@code seed} in {@code examples} tries, in
   * order: what {@code qt().withFixedSeed(seed).withExamples(examples).forAll(gen)} passes to its
   * check. The first is the generator's simplest value (a test that wants only random ones drops
   * it). A try whose random input QuickTheories has already used is skipped, so fewer values than
   * {@code examples} may come back: one fewer when the simplest value is also a boundary it tries
   * (the 1,000 command lines of {@code UfwCommandGens.commandLines()} give 999), only the distinct
   * ones of a narrow generator. The same seed and count give the same list; values must not be
   * null.
   *
   * <pre>{@code
   * for (List<String> argv : Exploration.sample(UfwCommandGens.commandLines(), 99L, 500)) { ... }
   * }</pre>
   */
  public static <T> ImmutableList<T> sample(Gen<T> gen, long seed, int examples) {
    List<T> values = new ArrayList<>(examples);
    qt().withFixedSeed(seed)
        .withExamples(examples)
        .withShrinkCycles(0)
        .forAll(gen)
        .checkAssert(values::add);
    return ImmutableList.copyOf(values);
  }

  /** A counter of the cases a test really checked, failing under {@code minimum}. */
  public static Floor floor(String what, int minimum) {
    return new Floor(what, minimum);
  }

  /**
   * The cases a test really checked (those it did not skip), with the minimum it must reach.
   *
   * <pre>{@code
   * Exploration.Floor checked = Exploration.floor("rule changes", 2000);
   * ... checked.count(); ...
   * checked.verify();
   * }</pre>
   */
  public static final class Floor {
    private final String what;
    private final int minimum;
    private final AtomicInteger count = new AtomicInteger();

    private Floor(String what, int minimum) {
      this.what = what;
      this.minimum = minimum;
    }

    /** Counts one checked case. */
    public void count() {
      count.incrementAndGet();
    }

    /** The cases counted so far. */
    public int checked() {
      return count.get();
    }

    /** Prints the count and throws {@link AssertionError} when it is under the minimum. */
    public void verify() {
      int n = count.get();
      System.out.println(what + ": " + n + " checked (floor " + minimum + ")");
      if (n < minimum) {
        throw new AssertionError(
            what
                + ": only "
                + n
                + " cases checked, under the floor of "
                + minimum
                + ": the generator or the filter has gone wrong");
      }
    }
  }
}
