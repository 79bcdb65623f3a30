package org.hotline.ticketing.workflow;

/** A refused action. The kind maps to one HTTP status; nothing has been changed. */
public final class WorkflowException extends RuntimeException {

  public enum Kind {
    /** 400: the request itself is wrong (a field is missing or invalid). */
    INVALID,
    /** 403: the actor may not do this. */
    FORBIDDEN,
    /** 404: no such order, or not visible to this actor. */
    NOT_FOUND,
    /** 409: the order's state does not allow it, or the version is stale. */
    CONFLICT
  }

  private final Kind kind;
  private final String code;
  private final String field;

  public WorkflowException(Kind kind, String code, String message, String field) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.field = field;
  }

  public static WorkflowException invalid(String field, String message) {
    return new WorkflowException(Kind.INVALID, "invalid", message, field);
  }

  public static WorkflowException forbidden(String message) {
    return new WorkflowException(Kind.FORBIDDEN, "forbidden", message, null);
  }

  public static WorkflowException notFound(String message) {
    return new WorkflowException(Kind.NOT_FOUND, "not_found", message, null);
  }

  public static WorkflowException illegal(String message) {
    return new WorkflowException(Kind.CONFLICT, "illegal_transition", message, null);
  }

  public static WorkflowException stale(int expected, int actual) {
    return new WorkflowException(
        Kind.CONFLICT,
        "stale_version",
        "the order changed meanwhile: you sent version " + expected + ", it is at " + actual,
        "version");
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
