package org.hotline.kb.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hotline.kb.Article;

/**
 * Generates realistic-looking articles for the benchmark from a seed base: each is a seed card's
 * topic with a local variant title, its keywords plus one borrowed keyword, and a body of sentences
 * drawn from the card and from others of the same vocabulary (so term statistics stay Chinese).
 */
final class ArticleGenerator {

  private static final String[] PLACES = {
    "东城区", "西城区", "南山区", "北湖区", "高新区", "经开区", "滨江区", "城关镇", "临港新区", "老城区",
    "江北区", "河西区", "青山区", "白云区", "金水区", "天河区", "武侯区", "雁塔区", "鼓楼区", "开福区"
  };

  private final List<Article> seeds;
  private final List<String> sentences = new ArrayList<>();
  private final List<String> keywords = new ArrayList<>();
  private final Random random = new Random(12345);

  ArticleGenerator(List<Article> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seed articles");
    }
    this.seeds = seeds;
    for (Article a : seeds) {
      for (String s : a.body().split("(?<=[。！？；])")) {
        if (s.length() > 4) {
          sentences.add(s);
        }
      }
      keywords.addAll(a.keywords());
    }
  }

  Article next(int n) {
    Article seed = seeds.get(random.nextInt(seeds.size()));
    String place = PLACES[random.nextInt(PLACES.length)];
    StringBuilder body = new StringBuilder(seed.body());
    int extra = 2 + random.nextInt(4);
    for (int i = 0; i < extra; i++) {
      body.append(sentences.get(random.nextInt(sentences.size())));
    }
    List<String> kw = new ArrayList<>(seed.keywords());
    if (!keywords.isEmpty()) {
      kw.add(keywords.get(random.nextInt(keywords.size())));
    }
    return Article.published(
        String.format("GEN-%06d", n),
        seed.title() + "（" + place + "）",
        place + "：" + body,
        seed.category(),
        kw);
  }
}
