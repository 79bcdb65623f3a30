package org.hotline.kb;

/** Editorial state of an article. Only {@link #PUBLISHED} articles are offered by searches. */
public enum ArticleStatus {
  /** 草稿: being written, never offered to agents. */
  DRAFT,
  /** 已发布: offered to agents while its validity period covers the day of the search. */
  PUBLISHED,
  /** 已下线: kept for history, never offered. */
  RETIRED
}
