package org.hotline.kb.search;

import java.util.IdentityHashMap;
import java.util.Map;
import org.hotline.kb.index.IndexFields;
import org.hotline.kb.index.IndexFields.Source;
import org.hotline.kb.index.IndexFields.Way;

/**
 * Unit statistics read from the index: document frequency of a unit's surfaces (as bigrams, or
 * characters) and pinyin in the body and title fields. One instance per search (memoised: the
 * reranker and the confidence features ask about the same units).
 */
final class IndexUnitStats implements ConfidenceFeatures.UnitStats {

  private final TermLookup lookup;
  private final Map<QueryPlan.Unit, Integer> dfs = new IdentityHashMap<>();

  IndexUnitStats(TermLookup lookup) {
    this.lookup = lookup;
  }

  private int df(QueryPlan.Unit u) {
    Integer cached = dfs.get(u);
    if (cached != null) {
      return cached;
    }
    int df = 0;
    for (String s : u.surfaces()) {
      Way way = s.length() == 2 ? Way.BIGRAMS : Way.CHARS;
      if (s.length() <= 2) {
        df = Math.max(df, lookup.df(Source.BODY.field(way), s));
        df = Math.max(df, lookup.df(Source.TITLE.field(way), s));
        df = Math.max(df, lookup.df(Source.KEYWORDS.field(way), s));
      } else {
        df = Math.max(df, 1); // a whole synonym expansion: assume present somewhere
      }
    }
    for (String p : u.pinyin()) {
      df = Math.max(df, lookup.df(Source.BODY.field(Way.PINYIN), p));
      df = Math.max(df, lookup.df(Source.TITLE.field(Way.PINYIN), p));
    }
    for (String i : u.initials()) {
      df = Math.max(df, lookup.df(IndexFields.INITIALS, i));
    }
    dfs.put(u, df);
    return df;
  }

  @Override
  public double weight(QueryPlan.Unit u) {
    return Math.log(1 + (double) lookup.docs() / (df(u) + 1));
  }

  @Override
  public boolean unseen(QueryPlan.Unit u) {
    return df(u) == 0;
  }
}
