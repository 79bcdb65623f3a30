package org.hotline.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The small hand-written corpus and synonym list in src/test/resources/fixtures. */
final class Fixtures {

  private Fixtures() {}

  static List<Article> articles() {
    return ArticleJsonl.parse(read("/fixtures/articles.jsonl"));
  }

  static SynonymTable synonyms() {
    return SynonymTable.parse(read("/fixtures/synonyms.txt"));
  }

  static String read(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
