package org.hotline.kb;

/**
 * One search hit.
 *
 * @param code article code
 * @param title article title, plain text (escape it when rendering)
 * @param snippet a passage of the body, HTML-escaped, with matched words wrapped in {@code
 *     <em>..</em>}
 * @param score relevance score (BM25 sum; only comparable within one result)
 */
public record Hit(String code, String title, String snippet, float score) {}
