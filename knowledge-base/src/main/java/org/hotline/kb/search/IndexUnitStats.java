package org.hotline.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.hotline.kb.index.IndexFields;
import org.hotline.kb.index.IndexFields.Source;
import org.hotline.kb.index.IndexFields.Way;

/**
 * Unit statistics read from the index: document frequency of a unit's surfaces (as bigrams, or
 * characters) and pinyin in the body and title fields. One instance per search.
 */
final class IndexUnitStats implements ConfidenceFeatures.UnitStats {

  private final IndexReader reader;
  private final int docs;

  IndexUnitStats(IndexReader reader) {
    this.reader = reader;
    this.docs = Math.max(1, reader.numDocs());
  }

  private int df(QueryPlan.Unit u) {
    try {
      int df = 0;
      for (String s : u.surfaces()) {
        Way way = s.length() == 2 ? Way.BIGRAMS : Way.CHARS;
        if (s.length() <= 2) {
          df = Math.max(df, reader.docFreq(new Term(Source.BODY.field(way), s)));
          df = Math.max(df, reader.docFreq(new Term(Source.TITLE.field(way), s)));
          df = Math.max(df, reader.docFreq(new Term(Source.KEYWORDS.field(way), s)));
        } else {
          df = Math.max(df, 1); // a whole synonym expansion: assume present somewhere
        }
      }
      for (String p : u.pinyin()) {
        df = Math.max(df, reader.docFreq(new Term(Source.BODY.field(Way.PINYIN), p)));
        df = Math.max(df, reader.docFreq(new Term(Source.TITLE.field(Way.PINYIN), p)));
      }
      for (String i : u.initials()) {
        df = Math.max(df, reader.docFreq(new Term(IndexFields.INITIALS, i)));
      }
      return df;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public double weight(QueryPlan.Unit u) {
    return Math.log(1 + (double) docs / (df(u) + 1));
  }

  @Override
  public boolean unseen(QueryPlan.Unit u) {
    return df(u) == 0;
  }
}
