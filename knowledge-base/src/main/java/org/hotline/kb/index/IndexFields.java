package org.hotline.kb.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.hotline.kb.analysis.ChineseTerms;
import org.hotline.kb.analysis.TermListAnalyzer;

/**
 * Field names of the index and the analyzer of each. Three sources (title, keywords, body) are each
 * indexed four ways (characters, bigrams, words, pinyin bigrams), so that every way of matching can
 * be weighted per source at query time without re-indexing.
 */
public final class IndexFields {

  /** Article code: untokenized key for {@code updateDocument}, stored. */
  public static final String CODE = "code";

  /** Status name: untokenized, filtered on. */
  public static final String STATUS = "status";

  /** Category: untokenized, filtered on, stored. */
  public static final String CATEGORY = "category";

  /** First and last valid day as epoch days (points for range filters, stored for read-back). */
  public static final String VALID_FROM = "valid_from";

  /** Last valid day (inclusive) as epoch day. */
  public static final String VALID_UNTIL = "valid_until";

  /** Stored-only fields used to rebuild hits and the confidence features. */
  public static final String TITLE = "title";

  /** Stored keywords, joined with {@link #KEYWORD_SEPARATOR}. */
  public static final String KEYWORDS = "keywords";

  /** Body as binary doc values (UTF-8), read for snippets and confidence. */
  public static final String BODY = "body";

  /** Stored owning unit. */
  public static final String UNIT = "unit";

  /** Stored last update (epoch millis). */
  public static final String UPDATED_AT = "updated_at";

  /**
   * Title, keywords and their analysis as binary doc values ({@link HeadInfo}), for the reranker.
   */
  public static final String HEAD = "head";

  /** Separator between the parts of {@link #HEAD}. */
  public static final char HEAD_SEPARATOR = '\u0001';

  /** Initials of title and keyword words ("gjj"), for typed abbreviations. */
  public static final String INITIALS = "ini";

  /** Normalised titles and keywords, untokenized, for prefix completion. */
  public static final String SUGGEST = "sg";

  /** Full pinyin and initials of titles and keywords, untokenized, for pinyin completion. */
  public static final String SUGGEST_PINYIN = "sgpy";

  /** Separator between keywords: not a Chinese character, so runs never span two keywords. */
  public static final String KEYWORD_SEPARATOR = "，";

  /** The three text sources. */
  public enum Source {
    TITLE("t"),
    KEYWORDS("k"),
    BODY("b");

    private final String[] fields;

    Source(String prefix) {
      // Built once: field names are looked up hundreds of times per search, and a constant
      // String keeps its hash.
      Way[] ways = Way.values();
      this.fields = new String[ways.length];
      for (Way w : ways) {
        fields[w.ordinal()] = prefix + "_" + w.suffix;
      }
    }

    /** Field name of this source analysed {@code way}. */
    public String field(Way way) {
      return fields[way.ordinal()];
    }
  }

  /** The ways a source is analysed. */
  public enum Way {
    CHARS("c"),
    BIGRAMS("b"),
    WORDS("w"),
    PINYIN("p"),
    /** Characters one apart: title and keywords only (typo tolerance, see ChineseTerms). */
    SKIP("s");

    private final String suffix;

    Way(String suffix) {
      this.suffix = suffix;
    }
  }

  private IndexFields() {}

  /** The per-field analyzer used by the index writer. */
  public static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    Map<Way, Analyzer> byWay =
        Map.of(
            Way.CHARS, new TermListAnalyzer(ChineseTerms::unigrams),
            Way.BIGRAMS, new TermListAnalyzer(ChineseTerms::bigrams),
            Way.WORDS, new TermListAnalyzer(ChineseTerms::words),
            Way.PINYIN, new TermListAnalyzer(ChineseTerms::pinyinBigrams),
            Way.SKIP, new TermListAnalyzer(ChineseTerms::skipBigrams));
    for (Source s : Source.values()) {
      for (Way w : Way.values()) {
        perField.put(s.field(w), byWay.get(w));
      }
    }
    perField.put(INITIALS, new TermListAnalyzer(ChineseTerms::initials));
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
  }

  /** All analysed text fields, for tests and diagnostics. */
  public static List<String> textFields() {
    List<String> out = new java.util.ArrayList<>();
    for (Source s : Source.values()) {
      for (Way w : Way.values()) {
        out.add(s.field(w));
      }
    }
    out.add(INITIALS);
    return out;
  }
}
