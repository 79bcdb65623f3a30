package org.hotline.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;

/**
 * The term dictionary as one search sees it: each (field, term) is looked up once and its {@link
 * TermStates} reused by the query, the unit weights, the confidence features and per-document
 * checks. One instance per search; not thread-safe.
 */
final class TermLookup {

  private final IndexSearcher searcher;
  private final Shared shared;
  private final int docs;
  private final List<LeafReaderContext> leaves;
  private final Map<String, TermsEnum[]> enums = new HashMap<>();

  /** Lookups of this search that did not fit the shared cache (it is full). */
  private final Map<String, Map<String, TermStates>> overflow = new HashMap<>();

  /**
   * Term states shared by the searches of one {@link IndexSearcher} (one index generation): the
   * words callers use repeat from call to call, and a generation's term dictionary does not change.
   * Keyed by field, then by the term's text as a {@link String}: hashing a String is cached and
   * cheap, building a {@link Term} (UTF-8 bytes) for every candidate term of every question is not.
   * Bounded; dropped with its searcher at the next refresh. Thread-safe: a TermStates built for all
   * segments is only read afterwards.
   */
  static final class Shared {
    private static final int MAX_TERMS = 200_000;
    private final IndexSearcher searcher;
    private final Map<String, Map<String, TermStates>> byField = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger size =
        new java.util.concurrent.atomic.AtomicInteger();

    Shared(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    /** Whether this cache belongs to {@code s}. */
    boolean isFor(IndexSearcher s) {
      return searcher == s;
    }

    Map<String, TermStates> field(String field) {
      return byField.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
    }
  }

  TermLookup(IndexSearcher searcher) {
    this(searcher, new Shared(searcher));
  }

  TermLookup(IndexSearcher searcher, Shared shared) {
    this.shared = shared.isFor(searcher) ? shared : new Shared(searcher);
    this.searcher = searcher;
    this.leaves = searcher.getIndexReader().leaves();
    this.docs = Math.max(1, searcher.getIndexReader().numDocs());
  }

  IndexSearcher searcher() {
    return searcher;
  }

  /** Number of live documents (at least 1). */
  int docs() {
    return docs;
  }

  /** The term's states in every segment, looked up once per index generation. */
  TermStates states(String field, String text) {
    Map<String, TermStates> cached = shared.field(field);
    TermStates s = cached.get(text);
    if (s != null) {
      return s;
    }
    Map<String, TermStates> local = overflow.get(field);
    s = local == null ? null : local.get(text);
    if (s != null) {
      return s;
    }
    try {
      s = build(new Term(field, text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (shared.size.get() < Shared.MAX_TERMS) {
      if (cached.putIfAbsent(text, s) == null) {
        shared.size.incrementAndGet();
      }
    } else {
      overflow.computeIfAbsent(field, f -> new HashMap<>()).put(text, s);
    }
    return s;
  }

  /**
   * Like {@link TermStates#build} but seeking with one terms enumerator per field and segment:
   * creating an enumerator per lookup cost more than the seek itself.
   */
  private TermStates build(Term term) throws IOException {
    IndexReaderContext top = searcher.getTopReaderContext();
    TermStates ts = new TermStates(top);
    TermsEnum[] perLeaf = enums.computeIfAbsent(term.field(), f -> new TermsEnum[leaves.size()]);
    for (int i = 0; i < leaves.size(); i++) {
      TermsEnum te = perLeaf[i];
      if (te == null) {
        Terms terms = leaves.get(i).reader().terms(term.field());
        if (terms == null) {
          continue;
        }
        te = terms.iterator();
        perLeaf[i] = te;
      }
      if (te.seekExact(term.bytes())) {
        ts.register(te.termState(), leaves.get(i).ord, te.docFreq(), te.totalTermFreq());
      }
    }
    return ts;
  }

  /** Document frequency of the term (deleted documents included, as in BM25). */
  int df(String field, String text) {
    return states(field, text).docFreq();
  }

  /** Whether document {@code doc} (top-level id) contains the term. */
  boolean contains(String field, String text, int doc) {
    TermStates s = states(field, text);
    if (s.docFreq() == 0) {
      return false;
    }
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      TermState state = s.get(leaf);
      if (state == null) {
        return false;
      }
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        return false;
      }
      TermsEnum te = terms.iterator();
      te.seekExact(new org.apache.lucene.util.BytesRef(text), state);
      PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
      int local = doc - leaf.docBase;
      return pe.advance(local) == local;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
