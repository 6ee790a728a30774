package dev.hostguard.fail2ban;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code os.path} string functions and {@code glob.glob} (3.11, non-recursive): magic
 * characters {@code * ? [}, hidden names skipped unless the pattern starts with a dot, results in
 * directory-listing order. The file-system questions go to a {@link FileView}.
 */
final class PythonPaths {

  private PythonPaths() {}

  static String join(String a, String b) {
    if (b.startsWith("/")) {
      return b;
    }
    if (a.isEmpty() || a.endsWith("/")) {
      return a + b;
    }
    return a + "/" + b;
  }

  /** {@code os.path.split}. */
  static String[] split(String p) {
    int i = p.lastIndexOf('/') + 1;
    String head = p.substring(0, i);
    String tail = p.substring(i);
    // strip trailing slashes unless head is all slashes
    int e = head.length();
    while (e > 0 && head.charAt(e - 1) == '/') {
      e--;
    }
    if (e > 0 && e < head.length()) {
      head = head.substring(0, e);
    }
    return new String[] {head, tail};
  }

  static String dirname(String p) {
    return split(p)[0];
  }

  /** {@code os.path.splitext(p)[0]}. */
  static String stripExtension(String p) {
    int sep = p.lastIndexOf('/');
    int dot = p.lastIndexOf('.');
    if (dot > sep) {
      int i = sep + 1;
      while (i < dot) {
        if (p.charAt(i) != '.') {
          return p.substring(0, dot);
        }
        i++;
      }
    }
    return p;
  }

  static String extension(String p) {
    return p.substring(stripExtension(p).length());
  }

  static boolean hasMagic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[') {
        return true;
      }
    }
    return false;
  }

  private static String globJoin(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    return join(a, b);
  }

  /** {@code glob.glob(pathname)} over {@code files}. */
  static List<String> glob(FileView files, String pathname) {
    List<String> out = new ArrayList<>();
    iglob(files, pathname, false, out);
    if (pathname.isEmpty()) {
      out.removeIf(String::isEmpty);
    }
    return out;
  }

  private static void iglob(FileView files, String pathname, boolean dironly, List<String> out) {
    String[] dn = split(pathname);
    String dirname = dn[0];
    String basename = dn[1];
    if (!hasMagic(pathname)) {
      if (!basename.isEmpty()) {
        if (files.lexists(pathname)) {
          out.add(pathname);
        }
      } else if (files.isDir(dirname)) {
        out.add(pathname);
      }
      return;
    }
    if (dirname.isEmpty()) {
      out.addAll(glob1(files, "", basename, dironly));
      return;
    }
    List<String> dirs;
    if (!dirname.equals(pathname) && hasMagic(dirname)) {
      dirs = new ArrayList<>();
      iglob(files, dirname, true, dirs);
    } else {
      dirs = List.of(dirname);
    }
    boolean magicBase = hasMagic(basename);
    for (String d : dirs) {
      List<String> names =
          magicBase ? glob1(files, d, basename, dironly) : glob0(files, d, basename);
      for (String name : names) {
        out.add(join(d, name));
      }
    }
  }

  private static List<String> glob0(FileView files, String dirname, String basename) {
    if (!basename.isEmpty()) {
      if (files.lexists(globJoin(dirname, basename))) {
        return List.of(basename);
      }
    } else if (files.isDir(dirname)) {
      return List.of(basename);
    }
    return List.of();
  }

  private static List<String> glob1(
      FileView files, String dirname, String pattern, boolean dironly) {
    List<String> out = new ArrayList<>();
    boolean hiddenPattern = pattern.startsWith(".");
    for (FileView.Entry entry : files.list(dirname)) {
      String name = entry.name();
      if (dironly && !entry.directory()) {
        continue;
      }
      if (!hiddenPattern && name.startsWith(".")) {
        continue;
      }
      if (fnmatch(name, pattern)) {
        out.add(name);
      }
    }
    return out;
  }

  /** {@code fnmatch.fnmatchcase}: {@code *}, {@code ?}, {@code [set]}, {@code [!set]}. */
  static boolean fnmatch(String name, String pattern) {
    return match(name, 0, pattern, 0);
  }

  private static boolean match(String s, int si, String p, int pi) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = si; k <= s.length(); k++) {
          if (match(s, k, p, pi)) {
            return true;
          }
        }
        return false;
      }
      if (c == '?') {
        if (si >= s.length()) {
          return false;
        }
        si++;
        pi++;
        continue;
      }
      if (c == '[') {
        int j = pi + 1;
        if (j < p.length() && p.charAt(j) == '!') {
          j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
          j++;
        }
        while (j < p.length() && p.charAt(j) != ']') {
          j++;
        }
        if (j >= p.length()) {
          // no closing bracket: a literal '['
          if (si >= s.length() || s.charAt(si) != '[') {
            return false;
          }
          si++;
          pi++;
          continue;
        }
        String stuff = p.substring(pi + 1, j);
        if (si >= s.length()) {
          return false;
        }
        if (!inSet(s.charAt(si), stuff)) {
          return false;
        }
        si++;
        pi = j + 1;
        continue;
      }
      if (si >= s.length() || s.charAt(si) != c) {
        return false;
      }
      si++;
      pi++;
    }
    return si == s.length();
  }

  private static boolean inSet(char ch, String stuff) {
    boolean negate = false;
    int i = 0;
    if (stuff.startsWith("!")) {
      negate = true;
      i = 1;
    }
    if (stuff.isEmpty()) {
      return false;
    }
    if (stuff.equals("!")) {
      return true;
    }
    boolean hit = false;
    while (i < stuff.length()) {
      char lo = stuff.charAt(i);
      if (i + 2 < stuff.length() && stuff.charAt(i + 1) == '-') {
        char hi = stuff.charAt(i + 2);
        if (lo <= ch && ch <= hi) {
          hit = true;
        }
        i += 3;
      } else {
        if (lo == ch) {
          hit = true;
        }
        i++;
      }
    }
    return hit != negate;
  }
}
