package dev.hostguard.fail2ban;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Files held in memory, by normalized path ({@code .} and {@code ..} resolved lexically, repeated
 * slashes collapsed); the directories are the ancestors of the files. Nothing else exists: no log
 * file, no symbolic link.
 */
final class MemoryFiles implements FileView {
  private final TreeMap<String, byte[]> files = new TreeMap<>();
  private final TreeMap<String, TreeMap<String, Boolean>> dirs = new TreeMap<>();

  /** {@code files} by full path; {@code root} exists as a directory even when empty. */
  MemoryFiles(String root, Map<String, byte[]> byPath) {
    addDir(normalize(root));
    for (Map.Entry<String, byte[]> e : byPath.entrySet()) {
      String p = normalize(e.getKey());
      files.put(p, e.getValue().clone());
      String child = p;
      String parent = parent(p);
      while (parent != null) {
        addDir(parent).put(name(child), child.equals(p) ? Boolean.FALSE : Boolean.TRUE);
        child = parent;
        parent = parent(parent);
      }
    }
  }

  private Map<String, Boolean> addDir(String dir) {
    Map<String, Boolean> d = dirs.computeIfAbsent(dir, k -> new TreeMap<>());
    String child = dir;
    String parent = parent(dir);
    while (parent != null) {
      dirs.computeIfAbsent(parent, k -> new TreeMap<>()).put(name(child), Boolean.TRUE);
      child = parent;
      parent = parent(parent);
    }
    return d;
  }

  private static String name(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String parent(String p) {
    if (p.equals("/") || p.isEmpty()) {
      return null;
    }
    int i = p.lastIndexOf('/');
    if (i < 0) {
      return "";
    }
    return i == 0 ? "/" : p.substring(0, i);
  }

  /** Lexical normalization, as {@code os.path.normpath} (without keeping {@code //}). */
  static String normalize(String path) {
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!absolute) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    return absolute ? "/" + joined : joined;
  }

  @Override
  public Optional<byte[]> read(String path) {
    byte[] b = files.get(normalize(path));
    return b == null ? Optional.empty() : Optional.of(b);
  }

  @Override
  public boolean exists(String path) {
    if (path.isEmpty()) {
      return false;
    }
    String p = normalize(path);
    return files.containsKey(p) || dirs.containsKey(p);
  }

  @Override
  public boolean lexists(String path) {
    return exists(path);
  }

  @Override
  public boolean isFile(String path) {
    return !path.isEmpty() && files.containsKey(normalize(path));
  }

  @Override
  public boolean isDir(String path) {
    return dirs.containsKey(normalize(path));
  }

  @Override
  public List<Entry> list(String dir) {
    TreeMap<String, Boolean> d = dirs.get(normalize(dir));
    List<Entry> out = new ArrayList<>();
    if (d != null) {
      for (Map.Entry<String, Boolean> e : d.entrySet()) {
        out.add(new Entry(e.getKey(), e.getValue()));
      }
    }
    return out;
  }
}
