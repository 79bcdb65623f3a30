package org.hotline.kb.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that touches HanLP (portable 1.8.6): word segmentation and word-aware pinyin.
 *
 * <p>HanLP keeps its dictionaries in static state loaded once per JVM (≈ 0.4 s); segmentation and
 * pinyin conversion only read it and are safe to call from several threads. Person-name and number
 * recognition are off: they merge ordinary characters into false names in short questions.
 */
public final class HanlpSupport {

  private static final Segment SEGMENT =
      HanLP.newSegment()
          .enableNameRecognize(false)
          .enableNumberQuantifierRecognize(false)
          .enablePlaceRecognize(false)
          .enableOrganizationRecognize(false)
          .enableCustomDictionary(true);

  /** Pinyin of words already seen: conversion is the costliest step after segmentation. */
  private static final Map<String, String[]> WORD_PINYIN = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_WORDS = 500_000;

  /**
   * Dictionary longest-match segmentation: ≈ 10x faster than the Viterbi segmenter, used for long
   * texts (article bodies), where bigrams and characters make up for its rougher words.
   */
  private static final Segment FAST_SEGMENT = HanLP.newSegment("dat");

  /** Texts longer than this are segmented with {@link #FAST_SEGMENT}. */
  public static final int FAST_SEGMENT_ABOVE = 200;

  private HanlpSupport() {}

  /**
   * Toneless pinyin of each character of a word of Chinese characters (non-Chinese characters
   * inside keep themselves), cached.
   */
  public static String[] wordPinyin(String word) {
    String[] cached = WORD_PINYIN.get(word);
    if (cached != null) {
      return cached;
    }
    String[] py = pinyin(word).toArray(new String[0]);
    if (WORD_PINYIN.size() < MAX_CACHED_WORDS) {
      WORD_PINYIN.put(word, py);
    }
    return py;
  }

  /** A segmented word and where it starts in the text given to {@link #segment(String)}. */
  public record Word(String text, int start) {}

  /**
   * Segments {@code text} into words (punctuation included as their own words): the Viterbi
   * segmenter for titles, keywords and questions, the dictionary one for long bodies.
   */
  public static List<Word> segment(String text) {
    List<Word> words = new ArrayList<>();
    if (text.isEmpty()) {
      return words;
    }
    int pos = 0;
    Segment segment = text.length() > FAST_SEGMENT_ABOVE ? FAST_SEGMENT : SEGMENT;
    for (Term t : segment.seg(text)) {
      int start = text.indexOf(t.word, pos);
      if (start < 0) {
        start = pos;
      }
      words.add(new Word(t.word, start));
      pos = start + t.word.length();
    }
    return words;
  }

  /**
   * Toneless pinyin of each character of a run of Chinese characters, chosen by word context (银行 →
   * yin hang). A character without a reading keeps itself.
   */
  public static List<String> pinyin(String hanRun) {
    List<Pinyin> list = HanLP.convertToPinyinList(hanRun);
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Pinyin p = list.get(i);
      out.add(p == Pinyin.none5 ? String.valueOf(hanRun.charAt(i)) : p.getPinyinWithoutTone());
    }
    return out;
  }

  /** Every toneless pinyin syllable HanLP knows (a, ai, ... zuo). */
  public static List<String> syllables() {
    List<String> out = new ArrayList<>();
    for (Pinyin p : Pinyin.values()) {
      if (p != Pinyin.none5) {
        out.add(p.getPinyinWithoutTone());
      }
    }
    return out;
  }
}
