package dev.hostguard.exec;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.commons.exec.CommandLine;

/**
 * A commons-exec command line that hands the process exactly our argv: commons-exec's own {@link
 * CommandLine} trims every argument (and may quote or substitute), which would turn {@code " x "}
 * into {@code "x"}.
 */
final class ExactCommandLine extends CommandLine {
  private final ImmutableList<String> argv;

  ExactCommandLine(List<String> argv) {
    super(argv.get(0));
    this.argv = ImmutableList.copyOf(argv);
  }

  @Override
  public String[] toStrings() {
    return argv.toArray(new String[0]);
  }

  @Override
  public String getExecutable() {
    return argv.get(0);
  }

  @Override
  public String[] getArguments() {
    return argv.subList(1, argv.size()).toArray(new String[0]);
  }

  @Override
  public String toString() {
    return argv.toString();
  }
}
