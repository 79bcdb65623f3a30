package org.hotline.kb.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.hotline.kb.analysis.TextNormalizer;
import org.hotline.kb.index.ArticleDocuments;
import org.hotline.kb.index.IndexFields;

/**
 * Completions for what the agent is typing: titles and keywords of offered articles that start with
 * the prefix, or whose full pinyin or pinyin initials start with it (gjj, gongji → 公积金).
 * Thread-safe.
 */
public final class Suggester {

  /** Up to {@code limit} completions, shortest first. */
  public List<String> suggest(IndexSearcher searcher, String prefix, int limit, LocalDate today)
      throws IOException {
    String p = TextNormalizer.normalize(prefix).strip();
    if (p.isEmpty() || limit < 1) {
      return List.of();
    }
    boolean pinyin = p.chars().allMatch(c -> c >= 'a' && c <= 'z');
    String field = pinyin ? IndexFields.SUGGEST_PINYIN : IndexFields.SUGGEST;
    ScoreDoc[] docs =
        searcher.search(
                OfferedFilter.wrap(new PrefixQuery(new Term(field, p)), today, null), limit * 5)
            .scoreDocs;
    Set<String> out = new LinkedHashSet<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : docs) {
      Document d = stored.document(sd.doc);
      for (IndexableField f : d.getFields(IndexFields.SUGGEST)) {
        String s = f.stringValue();
        if (s.startsWith(p) || (pinyin && pinyinStartsWith(s, p))) {
          out.add(original(d, s));
        }
      }
    }
    List<String> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    return sorted.size() > limit ? sorted.subList(0, limit) : sorted;
  }

  private static boolean pinyinStartsWith(String s, String p) {
    return ArticleDocuments.pinyinForms(s).stream().anyMatch(f -> f.startsWith(p));
  }

  /** The stored title or keyword whose normalised form is {@code norm} (original case). */
  private static String original(Document d, String norm) {
    String title = d.get(IndexFields.TITLE);
    if (title != null && TextNormalizer.normalize(title.strip()).equals(norm)) {
      return title.strip();
    }
    String keywords = d.get(IndexFields.KEYWORDS);
    if (keywords != null) {
      for (String k : keywords.split(IndexFields.KEYWORD_SEPARATOR)) {
        if (TextNormalizer.normalize(k.strip()).equals(norm)) {
          return k.strip();
        }
      }
    }
    return norm;
  }
}
