package org.hotline.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.kb.analysis.TextNormalizer;

/**
 * Synonyms in the Solr text format, applied at query time so that an edit needs no re-indexing.
 *
 * <p>Format, one rule a line, {@code #} starts a comment:
 *
 * <ul>
 *   <li>{@code 路灯,街灯,路灯杆} – an equivalence group: any member in a question also searches the
 *       others;
 *   <li>{@code 楼上太吵 => 噪音,扰民} – a one-way rule: the left side also searches the right side.
 * </ul>
 *
 * <p>Immutable and thread-safe; replace it at runtime with {@link
 * KnowledgeIndex#setSynonyms(SynonymTable)}.
 */
public final class SynonymTable {

  /** A synonym entry found in a question: {@code text.substring(start, end)} is {@code term}. */
  public record Match(int start, int end, String term, Set<String> expansions) {}

  private static final String RESOURCE = "/org/hotline/kb/synonyms.txt";

  private final Map<String, Set<String>> expansions;
  private final Map<Character, List<String>> byFirstChar;
  private final int rules;

  private SynonymTable(Map<String, Set<String>> expansions, int rules) {
    this.expansions = expansions;
    this.rules = rules;
    Map<Character, List<String>> index = new HashMap<>();
    for (String term : expansions.keySet()) {
      index.computeIfAbsent(term.charAt(0), c -> new ArrayList<>()).add(term);
    }
    index.values().forEach(l -> l.sort((a, b) -> b.length() - a.length()));
    this.byFirstChar = index;
  }

  /** The table with no rules. */
  public static SynonymTable empty() {
    return new SynonymTable(Map.of(), 0);
  }

  /**
   * Parses the Solr-style text. Malformed lines (a rule with fewer than two terms) are ignored.
   *
   * @param text the whole file
   */
  public static SynonymTable parse(String text) {
    Map<String, Set<String>> map = new HashMap<>();
    int rules = 0;
    for (String raw : text.split("\\R")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      int arrow = line.indexOf("=>");
      if (arrow >= 0) {
        List<String> left = terms(line.substring(0, arrow));
        List<String> right = terms(line.substring(arrow + 2));
        if (left.isEmpty() || right.isEmpty()) {
          continue;
        }
        for (String l : left) {
          for (String r : right) {
            if (!r.equals(l)) {
              map.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(r);
            }
          }
        }
      } else {
        List<String> group = terms(line);
        if (group.size() < 2) {
          continue;
        }
        for (String a : group) {
          for (String b : group) {
            if (!a.equals(b)) {
              map.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
            }
          }
        }
      }
      rules++;
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    map.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
    return new SynonymTable(Collections.unmodifiableMap(frozen), rules);
  }

  /** Loads the platform's default list shipped in the jar, or the empty table if there is none. */
  public static SynonymTable loadDefault() {
    try (InputStream in = SynonymTable.class.getResourceAsStream(RESOURCE)) {
      return in == null ? empty() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static List<String> terms(String part) {
    List<String> out = new ArrayList<>();
    for (String t : part.split("[,，]")) {
      String n = TextNormalizer.normalize(t).strip();
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  /** Number of rules parsed. */
  public int size() {
    return rules;
  }

  /** The terms searched in addition to {@code term} (normalised), empty if none. */
  public Set<String> expansionsOf(String term) {
    return expansions.getOrDefault(TextNormalizer.normalize(term), Set.of());
  }

  /**
   * Finds synonym terms in a normalised text, longest first and without overlaps, scanning left to
   * right. Substring matching (not token matching) makes rules independent of word segmentation.
   */
  public List<Match> find(String normalizedText) {
    List<Match> found = new ArrayList<>();
    int i = 0;
    while (i < normalizedText.length()) {
      List<String> candidates = byFirstChar.get(normalizedText.charAt(i));
      String hit = null;
      if (candidates != null) {
        for (String c : candidates) {
          if (normalizedText.startsWith(c, i)) {
            hit = c;
            break;
          }
        }
      }
      if (hit == null) {
        i++;
      } else {
        found.add(new Match(i, i + hit.length(), hit, expansions.get(hit)));
        i += hit.length();
      }
    }
    return found;
  }
}
