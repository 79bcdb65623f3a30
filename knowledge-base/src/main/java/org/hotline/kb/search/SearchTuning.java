package org.hotline.kb.search;

import java.util.function.UnaryOperator;

/**
 * Query-time weights. Defaults were chosen by grid search on the tuning query set
 * (src/test/resources/eval/queries.jsonl) with {@code EvalRunner --local}; the hold-out set was
 * only used to check. Every value can be overridden with a system property {@code kb.tune.<name>}
 * for experiments (see {@link #fromSystemProperties()}).
 *
 * @param title weight of the title source
 * @param keywords weight of the keywords source
 * @param body weight of the body source
 * @param chars weight of single-character matches
 * @param bigrams weight of character-bigram matches
 * @param words weight of whole-word matches
 * @param pinyin weight of pinyin-bigram matches (homophone typos)
 * @param skip weight of skip-bigram matches (one wrong character)
 * @param initials weight of pinyin-initial matches (typed abbreviations)
 * @param typedPinyin weight of pinyin-bigram matches from typed full pinyin
 * @param synonym factor applied to terms that come from synonym expansion
 * @param maxQueryChars longest normalised question used (longer ones are cut)
 * @param rerankDepth how many BM25 candidates the second stage looks at
 * @param keywordBonus second-stage bonus for a candidate whose keywords the question names
 * @param titleBonus second-stage bonus for the share of the candidate's title the question covers
 * @param headBonus second-stage bonus for the weighted share of the question the candidate's title
 *     and keywords cover
 * @param bodyBonus second-stage bonus for the weighted share of the question found anywhere in the
 *     candidate (head or the start of its body)
 * @param bodyWindow how many leading body characters that share is measured on
 * @param maxClauses most term clauses in the BM25 first pass (the most informative are kept)
 * @param maxPostings most postings (summed document frequencies) the first pass may read
 */
public record SearchTuning(
    float title,
    float keywords,
    float body,
    float chars,
    float bigrams,
    float words,
    float pinyin,
    float skip,
    float initials,
    float typedPinyin,
    float synonym,
    int maxQueryChars,
    int rerankDepth,
    float keywordBonus,
    float titleBonus,
    float headBonus,
    float bodyBonus,
    int bodyWindow,
    int maxClauses,
    long maxPostings) {

  /** The tuned defaults. */
  public static final SearchTuning DEFAULT =
      new SearchTuning(
          3f, 2f, 1f, 0.6f, 1f, 0.7f, 0.5f, 0.3f, 2f, 1f, 0.8f, 200, 12, 0f, 0.3f, 2.5f, 2f, 400,
          256, 4_000);

  /** {@link #DEFAULT} with any {@code kb.tune.<name>} system property applied. */
  public static SearchTuning fromSystemProperties() {
    SearchTuning d = DEFAULT;
    UnaryOperator<String> p = n -> System.getProperty("kb.tune." + n);
    return new SearchTuning(
        f(p.apply("title"), d.title),
        f(p.apply("keywords"), d.keywords),
        f(p.apply("body"), d.body),
        f(p.apply("chars"), d.chars),
        f(p.apply("bigrams"), d.bigrams),
        f(p.apply("words"), d.words),
        f(p.apply("pinyin"), d.pinyin),
        f(p.apply("skip"), d.skip),
        f(p.apply("initials"), d.initials),
        f(p.apply("typedPinyin"), d.typedPinyin),
        f(p.apply("synonym"), d.synonym),
        p.apply("maxQueryChars") == null
            ? d.maxQueryChars
            : Integer.parseInt(p.apply("maxQueryChars")),
        p.apply("rerankDepth") == null ? d.rerankDepth : Integer.parseInt(p.apply("rerankDepth")),
        f(p.apply("keywordBonus"), d.keywordBonus),
        f(p.apply("titleBonus"), d.titleBonus),
        f(p.apply("headBonus"), d.headBonus),
        f(p.apply("bodyBonus"), d.bodyBonus),
        p.apply("bodyWindow") == null ? d.bodyWindow : Integer.parseInt(p.apply("bodyWindow")),
        p.apply("maxClauses") == null ? d.maxClauses : Integer.parseInt(p.apply("maxClauses")),
        p.apply("maxPostings") == null ? d.maxPostings : Long.parseLong(p.apply("maxPostings")));
  }

  private static float f(String v, float dflt) {
    return v == null ? dflt : Float.parseFloat(v);
  }
}
