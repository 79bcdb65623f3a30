package org.hotline.kb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One answer card (知识条目) as the index sees it. PostgreSQL is the source of truth; the index keeps a
 * derived copy keyed by {@link #code()}.
 *
 * @param code unique editor-chosen key, e.g. {@code KB-001}
 * @param title short question-like title, weighs most in search
 * @param body the answer text shown to the agent
 * @param category free-text label or category code, usable as a search filter (may be empty)
 * @param keywords editor keywords, weigh more than the body
 * @param validFrom first day the policy applies, {@code null} for "always"
 * @param validUntil last day the policy applies (inclusive), {@code null} for "open-ended"
 * @param status editorial state; only {@link ArticleStatus#PUBLISHED} is searchable
 * @param unit owning unit (承办单位), {@code null} if none
 * @param updatedAt last change, {@code null} if unknown
 */
public record Article(
    String code,
    String title,
    String body,
    String category,
    List<String> keywords,
    LocalDate validFrom,
    LocalDate validUntil,
    ArticleStatus status,
    String unit,
    Instant updatedAt) {

  /** Validates the key fields and normalises nulls to empty values where that is harmless. */
  public Article {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    category = category == null ? "" : category;
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    status = status == null ? ArticleStatus.PUBLISHED : status;
  }

  /** A published, open-ended article: the shape of an imported seed card. */
  public static Article published(
      String code, String title, String body, String category, List<String> keywords) {
    return new Article(
        code, title, body, category, keywords, null, null, ArticleStatus.PUBLISHED, null, null);
  }

  /** Whether this article may be offered as an answer on {@code day}. */
  public boolean offeredOn(LocalDate day) {
    return status == ArticleStatus.PUBLISHED
        && (validFrom == null || !day.isBefore(validFrom))
        && (validUntil == null || !day.isAfter(validUntil));
  }
}
