package org.hotline.kb.analysis;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A Lucene analyzer that normalises the field text and emits the terms of one {@link ChineseTerms}
 * producer. Queries are built from the same producers, so index and query agree.
 */
public final class TermListAnalyzer extends Analyzer {

  private final Function<String, List<String>> producer;

  /** An analyzer emitting {@code producer.apply(normalize(text))}. */
  public TermListAnalyzer(Function<String, List<String>> producer) {
    this.producer = producer;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new ListTokenizer(producer));
  }

  private static final class ListTokenizer extends Tokenizer {
    private final Function<String, List<String>> producer;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private Iterator<String> terms;

    ListTokenizer(Function<String, List<String>> producer) {
      this.producer = producer;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[4096];
      for (int n = input.read(buf); n >= 0; n = input.read(buf)) {
        sb.append(buf, 0, n);
      }
      terms = producer.apply(TextNormalizer.normalize(sb.toString())).iterator();
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      if (terms == null || !terms.hasNext()) {
        return false;
      }
      term.setEmpty().append(terms.next());
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      terms = null;
    }
  }
}
