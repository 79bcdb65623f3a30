package org.hotline.kb.index;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleStatus;
import org.hotline.kb.analysis.AnalyzedText;
import org.hotline.kb.analysis.TextNormalizer;
import org.hotline.kb.index.IndexFields.Source;
import org.hotline.kb.index.IndexFields.Way;

/** Maps an {@link Article} to a Lucene document and back. Stateless and thread-safe. */
public final class ArticleDocuments {

  /**
   * Analysed text: frequencies for BM25 but no positions (queries are bags of terms, so positions
   * would only cost space and merge time); norms kept for length normalisation.
   */
  private static final FieldType ANALYSED = new FieldType();

  static {
    ANALYSED.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    ANALYSED.setTokenized(true);
    ANALYSED.setStored(false);
    ANALYSED.freeze();
  }

  private ArticleDocuments() {}

  /** The key term of an article. */
  public static Term key(String code) {
    return new Term(IndexFields.CODE, code);
  }

  /** Builds the document of {@code a}. */
  public static Document toDocument(Article a) {
    Document d = new Document();
    // Key and filters: exact, untokenized values.
    d.add(new StringField(IndexFields.CODE, a.code(), Field.Store.YES));
    d.add(new BinaryDocValuesField(IndexFields.CODE, new BytesRef(a.code())));
    d.add(new StringField(IndexFields.STATUS, a.status().name(), Field.Store.YES));
    d.add(new StringField(IndexFields.CATEGORY, a.category(), Field.Store.YES));
    long from = a.validFrom() == null ? Long.MIN_VALUE : a.validFrom().toEpochDay();
    long until = a.validUntil() == null ? Long.MAX_VALUE : a.validUntil().toEpochDay();
    d.add(new LongPoint(IndexFields.VALID_FROM, from));
    d.add(new StoredField(IndexFields.VALID_FROM, from));
    d.add(new LongPoint(IndexFields.VALID_UNTIL, until));
    d.add(new StoredField(IndexFields.VALID_UNTIL, until));
    // Stored text for read-back and hits.
    String keywords = String.join(IndexFields.KEYWORD_SEPARATOR, a.keywords());
    d.add(new StoredField(IndexFields.TITLE, a.title()));
    d.add(new StoredField(IndexFields.KEYWORDS, keywords));
    // The body as doc values: snippets and confidence read it for every hit, and stored fields
    // would decompress a whole block of neighbours each time.
    d.add(new BinaryDocValuesField(IndexFields.BODY, new BytesRef(a.body())));
    // Doc values, not stored fields: the reranker reads 30 heads per search without
    // decompressing bodies.
    d.add(
        new BinaryDocValuesField(
            IndexFields.HEAD, new BytesRef(HeadInfo.of(a.title(), keywords).encode())));
    if (a.unit() != null) {
      d.add(new StoredField(IndexFields.UNIT, a.unit()));
    }
    if (a.updatedAt() != null) {
      d.add(new StoredField(IndexFields.UPDATED_AT, a.updatedAt().toEpochMilli()));
    }
    // Analysed text, four ways per source (see IndexFields).
    for (Way w : Way.values()) {
      d.add(new Field(Source.TITLE.field(w), a.title(), ANALYSED));
      d.add(new Field(Source.KEYWORDS.field(w), keywords, ANALYSED));
      if (w != Way.SKIP) {
        d.add(new Field(Source.BODY.field(w), a.body(), ANALYSED));
      }
    }
    d.add(new Field(IndexFields.INITIALS, a.title() + "。" + keywords, ANALYSED));
    // Completion: each title and keyword whole, and its pinyin forms.
    for (String s : suggestions(a)) {
      d.add(new StringField(IndexFields.SUGGEST, TextNormalizer.normalize(s), Field.Store.YES));
      for (String py : pinyinForms(s)) {
        d.add(new StringField(IndexFields.SUGGEST_PINYIN, py, Field.Store.NO));
      }
    }
    return d;
  }

  private static Set<String> suggestions(Article a) {
    Set<String> out = new LinkedHashSet<>();
    if (!a.title().isBlank()) {
      out.add(a.title().strip());
    }
    for (String k : a.keywords()) {
      if (!k.isBlank()) {
        out.add(k.strip());
      }
    }
    return out;
  }

  /** Full pinyin ("gongjijin") and initials ("gjj") of the Chinese characters of {@code s}. */
  public static List<String> pinyinForms(String s) {
    StringBuilder full = new StringBuilder();
    StringBuilder initials = new StringBuilder();
    for (String py : AnalyzedText.of(TextNormalizer.normalize(s)).pinyin()) {
      if (py != null) {
        full.append(py);
        initials.append(py.charAt(0));
      }
    }
    if (full.length() == 0) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList(full.toString(), initials.toString()));
  }

  /** The body of top-level document {@code doc} (kept in doc values, not stored fields). */
  public static String body(IndexReader reader, int doc) throws IOException {
    return docValue(reader, IndexFields.BODY, doc);
  }

  private static String docValue(IndexReader reader, String field, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = DocValues.getBinary(leaf.reader(), field);
    return values.advanceExact(doc - leaf.docBase) ? values.binaryValue().utf8ToString() : "";
  }

  /** Rebuilds the article stored in {@code d}, whose body is {@code body}. */
  public static Article toArticle(Document d, String body) {
    long from = d.getField(IndexFields.VALID_FROM).numericValue().longValue();
    long until = d.getField(IndexFields.VALID_UNTIL).numericValue().longValue();
    String keywords = d.get(IndexFields.KEYWORDS);
    var updated = d.getField(IndexFields.UPDATED_AT);
    return new Article(
        d.get(IndexFields.CODE),
        d.get(IndexFields.TITLE),
        body,
        d.get(IndexFields.CATEGORY),
        keywords == null || keywords.isEmpty()
            ? List.of()
            : List.of(keywords.split(IndexFields.KEYWORD_SEPARATOR)),
        from == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(from),
        until == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(until),
        ArticleStatus.valueOf(d.get(IndexFields.STATUS)),
        d.get(IndexFields.UNIT),
        updated == null ? null : Instant.ofEpochMilli(updated.numericValue().longValue()));
  }
}
