package org.hotline.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.kb.SynonymTable;
import org.hotline.kb.analysis.AnalyzedText;
import org.hotline.kb.analysis.ChineseTerms;
import org.hotline.kb.analysis.HanlpSupport;
import org.hotline.kb.analysis.PinyinSplitter;
import org.hotline.kb.analysis.TextNormalizer;
import org.hotline.kb.index.IndexFields;
import org.hotline.kb.index.IndexFields.Source;
import org.hotline.kb.index.IndexFields.Way;

/**
 * Turns a spoken or typed question into a {@link QueryPlan}: filler words dropped, synonyms
 * expanded, typed pinyin converted, every term weighted by source and way of matching. Stateless;
 * thread-safe.
 */
public final class QueryPlanner {

  private static final Source[] SOURCES = Source.values();

  private final SearchTuning tuning;

  /** A planner using {@code tuning}. */
  public QueryPlanner(SearchTuning tuning) {
    this.tuning = tuning;
  }

  /** Plans {@code question} with the given synonym table. */
  public QueryPlan plan(String question, SynonymTable synonyms) {
    String text = TextNormalizer.normalize(question);
    if (text.length() > tuning.maxQueryChars()) {
      text = text.substring(0, tuning.maxQueryChars());
    }
    Map<String, Map<String, Float>> terms = new HashMap<>();
    List<QueryPlan.Unit> units = new ArrayList<>();
    Set<String> highlights = new LinkedHashSet<>();

    List<SynonymTable.Match> matches = synonyms.find(text);
    boolean[] content = contentMask(text, matches);
    addChinese(text, content, 1f, terms, highlights);
    addUnits(text, content, matches, units);
    addAscii(text, terms, units, highlights);
    for (SynonymTable.Match m : matches) {
      for (String e : m.expansions()) {
        String exp = TextNormalizer.normalize(e);
        boolean[] all = new boolean[exp.length()];
        java.util.Arrays.fill(all, true);
        addChinese(exp, all, tuning.synonym(), terms, highlights);
        highlights.add(exp);
      }
    }
    List<String> hl = new ArrayList<>(highlights);
    hl.sort(Comparator.comparingInt(String::length).reversed());
    return new QueryPlan(terms, units, hl);
  }

  /** Marks the characters that carry content: Chinese, not a filler word, or in a synonym. */
  private static boolean[] contentMask(String text, List<SynonymTable.Match> matches) {
    boolean[] content = new boolean[text.length()];
    for (HanlpSupport.Word w : AnalyzedText.of(text).words()) {
      boolean noise = NoiseWords.contains(w.text());
      for (int i = w.start(); i < w.start() + w.text().length(); i++) {
        content[i] = !noise && TextNormalizer.isHan(text.charAt(i));
      }
    }
    for (SynonymTable.Match m : matches) {
      for (int i = m.start(); i < m.end(); i++) {
        content[i] = TextNormalizer.isHan(text.charAt(i));
      }
    }
    return content;
  }

  private void addChinese(
      String text,
      boolean[] content,
      float factor,
      Map<String, Map<String, Float>> terms,
      Set<String> highlights) {
    for (int i = 0; i < text.length(); i++) {
      if (!content[i]) {
        continue;
      }
      String c = String.valueOf(text.charAt(i));
      boolean pairNext = i + 1 < text.length() && content[i + 1];
      boolean pairPrev = i > 0 && content[i - 1];
      put(terms, Way.CHARS, c, tuning.chars() * factor);
      if (i + 2 < text.length() && content[i + 2] && TextNormalizer.isHan(text.charAt(i + 1))) {
        put(
            terms,
            Way.SKIP,
            ChineseTerms.skip(text.charAt(i), text.charAt(i + 2)),
            tuning.skip() * factor);
      }
      if (pairNext) {
        String bigram = text.substring(i, i + 2);
        put(terms, Way.BIGRAMS, bigram, tuning.bigrams() * factor);
        highlights.add(bigram);
      } else if (!pairPrev) {
        highlights.add(c);
      }
    }
    AnalyzedText analyzed = AnalyzedText.of(text);
    for (HanlpSupport.Word w : analyzed.words()) {
      if (w.text().length() >= 2 && allContent(content, w.start(), w.text().length())) {
        put(terms, Way.WORDS, w.text(), tuning.words() * factor);
        highlights.add(w.text());
      }
    }
    String[] py = analyzed.pinyin();
    for (int i = 0; i + 1 < py.length; i++) {
      if (content[i] && content[i + 1] && py[i] != null && py[i + 1] != null) {
        put(terms, Way.PINYIN, ChineseTerms.pair(py[i], py[i + 1]), tuning.pinyin() * factor);
      }
    }
  }

  private static void addUnits(
      String text, boolean[] content, List<SynonymTable.Match> matches, List<QueryPlan.Unit> out) {
    String[] py = AnalyzedText.of(text).pinyin();
    for (int i = 0; i < text.length(); i++) {
      if (!content[i]) {
        continue;
      }
      boolean pairNext = i + 1 < text.length() && content[i + 1];
      boolean pairPrev = i > 0 && content[i - 1];
      Set<String> surfaces = new LinkedHashSet<>();
      Set<String> pinyin = new LinkedHashSet<>();
      int end;
      if (pairNext) {
        end = i + 2;
        surfaces.add(text.substring(i, end));
        if (py[i] != null && py[i + 1] != null) {
          pinyin.add(ChineseTerms.pair(py[i], py[i + 1]));
        }
      } else if (!pairPrev) {
        end = i + 1;
        surfaces.add(text.substring(i, end));
      } else {
        continue;
      }
      for (SynonymTable.Match m : matches) {
        if (m.start() < end && i < m.end()) {
          m.expansions().forEach(e -> surfaces.add(TextNormalizer.normalize(e)));
        }
      }
      out.add(QueryPlan.Unit.of(surfaces, pinyin, Set.of()));
    }
  }

  /** ASCII words: numbers and Latin words as they are, letter runs also as pinyin. */
  private void addAscii(
      String text,
      Map<String, Map<String, Float>> terms,
      List<QueryPlan.Unit> units,
      Set<String> highlights) {
    for (String token : ChineseTerms.unigrams(text)) {
      if (!TextNormalizer.isAsciiWord(token.charAt(0))) {
        continue;
      }
      put(terms, Way.CHARS, token, tuning.bigrams());
      highlights.add(token);
      if (!token.chars().allMatch(c -> c >= 'a' && c <= 'z') || token.length() < 2) {
        units.add(QueryPlan.Unit.of(Set.of(token), Set.of(), Set.of()));
        continue;
      }
      List<String> syllables = PinyinSplitter.split(token);
      if (syllables != null && syllables.size() >= 2) {
        StringBuilder initials = new StringBuilder();
        syllables.forEach(s -> initials.append(s.charAt(0)));
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < syllables.size(); i++) {
          pairs.add(ChineseTerms.pair(syllables.get(i), syllables.get(i + 1)));
        }
        pairs.forEach(p -> put(terms, Way.PINYIN, p, tuning.typedPinyin()));
        putInitials(terms, initials.toString());
        pairs.forEach(p -> units.add(QueryPlan.Unit.of(Set.of(token), Set.of(p), Set.of())));
      } else if (token.length() <= 6) {
        putInitials(terms, token);
        units.add(QueryPlan.Unit.of(Set.of(token), Set.of(), Set.of(token)));
      } else {
        units.add(QueryPlan.Unit.of(Set.of(token), Set.of(), Set.of()));
      }
    }
  }

  private void putInitials(Map<String, Map<String, Float>> terms, String initials) {
    terms
        .computeIfAbsent(IndexFields.INITIALS, k -> new HashMap<>())
        .merge(initials, tuning.initials(), Math::max);
  }

  private void put(Map<String, Map<String, Float>> terms, Way way, String term, float weight) {
    put(terms, way, term, weight, way != Way.SKIP);
  }

  private void put(
      Map<String, Map<String, Float>> terms, Way way, String term, float weight, boolean body) {
    for (Source s : SOURCES) {
      if (!body && s == Source.BODY) {
        continue;
      }
      float w = weight * sourceWeight(s);
      if (w > 0) {
        terms.computeIfAbsent(s.field(way), k -> new HashMap<>()).merge(term, w, Math::max);
      }
    }
  }

  private float sourceWeight(Source s) {
    return switch (s) {
      case TITLE -> tuning.title();
      case KEYWORDS -> tuning.keywords();
      case BODY -> tuning.body();
    };
  }

  private static boolean allContent(boolean[] content, int start, int len) {
    for (int i = start; i < start + len; i++) {
      if (!content[i]) {
        return false;
      }
    }
    return true;
  }
}
