package org.hotline.kb.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The filler words of spoken questions (see {@code noise-words.txt}). Immutable. */
final class NoiseWords {

  private static final Set<String> WORDS = load();

  private NoiseWords() {}

  static boolean contains(String word) {
    return WORDS.contains(word);
  }

  private static Set<String> load() {
    String name = "/org/hotline/kb/analysis/noise-words.txt";
    try (InputStream in = NoiseWords.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      Set<String> out = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!line.startsWith("#")) {
          for (String w : line.strip().split("\\s+")) {
            if (!w.isEmpty()) {
              out.add(w);
            }
          }
        }
      }
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
