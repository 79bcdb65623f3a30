package org.hotline.ticketing.attachment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.order.OrderEvent;
import org.hotline.ticketing.order.WorkOrderRepository;
import org.hotline.ticketing.unit.UnitTree;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Attachments of work orders: upload (checked, stored, recorded with a history event), list and
 * download. Who may: centre staff on any order; unit staff read the attachments of the orders their
 * unit sees and add to the orders their own unit holds (签收 pending or in hand). Another unit's
 * order or attachment is "not found", never "forbidden": its existence is not revealed.
 */
public final class AttachmentService {

  /** Most attachments one order may collect. */
  public static final int MAX_PER_ORDER = 50;

  /** A file as the web server spooled it. */
  public record Upload(String clientName, Path spooled, long size) {}

  /** A file to send, with what to call it. */
  public record Download(Attachment meta, Path file) {}

  private static final Set<String> CLOSED = Set.of("ANSWERED", "MERGED", "CLOSED");
  private static final Set<String> AT_UNIT = Set.of("DISPATCHED", "ACCEPTED");

  private final Vertx vertx;
  private final Pool pool;
  private final AttachmentRepository attachments;
  private final WorkOrderRepository orders;
  private final AttachmentStore store;
  private final AttachmentSettings settings;
  private final Supplier<UnitTree> units;
  private final Clock clock;

  public AttachmentService(
      Vertx vertx,
      Pool pool,
      AttachmentRepository attachments,
      WorkOrderRepository orders,
      AttachmentSettings settings,
      Supplier<UnitTree> units,
      Clock clock) {
    this.vertx = vertx;
    this.pool = pool;
    this.attachments = attachments;
    this.orders = orders;
    this.store = new AttachmentStore(settings.dir());
    this.settings = settings;
    this.units = units;
    this.clock = clock;
  }

  public AttachmentSettings settings() {
    return settings;
  }

  public Future<List<Attachment>> upload(Actor actor, long orderId, List<Upload> files) {
    Set<String> scope;
    try {
      scope = scope(actor);
    } catch (WorkflowException e) {
      return Future.failedFuture(e);
    }
    if (files.isEmpty()) {
      return Future.failedFuture(
          WorkflowException.invalid("file", "choose at least one file (multipart field 'file')"));
    }
    if (files.size() > settings.maxFiles()) {
      return Future.failedFuture(
          WorkflowException.invalid(
              "file", "at most " + settings.maxFiles() + " files in one upload"));
    }
    // Check before touching the store, and again under the row lock when recording.
    return attachments
        .order(pool, orderId, scope, false)
        .compose(ref -> mayAdd(actor, ref, files.size()))
        .compose(ref -> vertx.executeBlocking(() -> checkAndStore(files), false))
        .compose(
            stored ->
                record(actor, orderId, scope, stored)
                    .onFailure(e -> vertx.executeBlocking(() -> deleteAll(stored), false)));
  }

  public Future<List<Attachment>> list(Actor actor, long orderId) {
    Set<String> scope;
    try {
      scope = scope(actor);
    } catch (WorkflowException e) {
      return Future.failedFuture(e);
    }
    return attachments
        .order(pool, orderId, scope, false)
        .compose(
            ref ->
                ref == null
                    ? Future.failedFuture(WorkflowException.notFound("no such order"))
                    : attachments.list(pool, orderId, scope));
  }

  public Future<Download> download(Actor actor, long attachmentId) {
    Set<String> scope;
    try {
      scope = scope(actor);
    } catch (WorkflowException e) {
      return Future.failedFuture(e);
    }
    return attachments
        .find(pool, attachmentId, scope)
        .compose(
            a -> {
              if (a == null) {
                return Future.failedFuture(WorkflowException.notFound("no such attachment"));
              }
              Path file = store.path(a.storedName());
              return vertx
                  .fileSystem()
                  .exists(file.toString())
                  .compose(
                      there ->
                          there
                              ? logView(actor, a).map(v -> new Download(a, file))
                              : Future.failedFuture(
                                  WorkflowException.notFound(
                                      "the file of attachment " + attachmentId + " is missing")));
            });
  }

  /**
   * A file a citizen's order carries may hold personal data: a centre staff download is logged
   * before it is served, like every other view of a citizen's data (units' own files are not).
   */
  private Future<Void> logView(Actor actor, Attachment a) {
    if (actor.isUnitStaff()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(
            "INSERT INTO personal_data_access (username, order_id, purpose) VALUES ($1, $2, $3)")
        .execute(io.vertx.sqlclient.Tuple.of(actor.username(), a.orderId(), "attachment:" + a.id()))
        .mapEmpty();
  }

  /** Unit staff see their subtree; centre staff everything (null); nobody else anything. */
  private Set<String> scope(Actor actor) {
    if (actor.isUnitStaff()) {
      return units.get().subtree(actor.unit());
    }
    if (actor.isCentreStaff()) {
      return null;
    }
    throw WorkflowException.forbidden(actor.username() + " may not see work orders");
  }

  private static Future<AttachmentRepository.OrderRef> mayAdd(
      Actor actor, AttachmentRepository.OrderRef ref, int adding) {
    if (ref == null) {
      return Future.failedFuture(WorkflowException.notFound("no such order"));
    }
    if (actor.isUnitStaff()) {
      if (!actor.unit().equals(ref.holdingUnit())) {
        return Future.failedFuture(
            WorkflowException.forbidden(
                "only the unit handling order " + ref.number() + " may add attachments"));
      }
      if (!AT_UNIT.contains(ref.state())) {
        return Future.failedFuture(
            WorkflowException.illegal(
                "order " + ref.number() + " is no longer being handled (" + ref.state() + ")"));
      }
    } else if (CLOSED.contains(ref.state())) {
      return Future.failedFuture(
          WorkflowException.illegal("order " + ref.number() + " is closed (" + ref.state() + ")"));
    }
    if (ref.count() + adding > MAX_PER_ORDER) {
      return Future.failedFuture(
          WorkflowException.invalid(
              "file", "an order keeps at most " + MAX_PER_ORDER + " attachments"));
    }
    return Future.succeededFuture(ref);
  }

  /** Worker thread: every file checked first, then all stored; nothing stored if one is bad. */
  private List<AttachmentRepository.NewAttachment> checkAndStore(List<Upload> files)
      throws IOException {
    List<String> names = new ArrayList<>();
    List<FileTypes.Checked> types = new ArrayList<>();
    for (Upload f : files) {
      String name = FileTypes.sanitizeName(f.clientName());
      if (f.size() > settings.maxFileBytes()) {
        throw WorkflowException.invalid(
            "file", name + " is larger than " + (settings.maxFileBytes() >> 20) + " MB");
      }
      try {
        types.add(FileTypes.check(name, f.spooled()));
      } catch (FileTypes.Refused e) {
        throw WorkflowException.invalid("file", e.getMessage());
      }
      names.add(name);
    }
    List<AttachmentRepository.NewAttachment> stored = new ArrayList<>();
    try {
      for (int i = 0; i < files.size(); i++) {
        stored.add(
            new AttachmentRepository.NewAttachment(
                names.get(i), types.get(i).contentType(), store.take(files.get(i).spooled())));
      }
    } catch (IOException | RuntimeException e) {
      deleteAll(stored);
      throw e;
    }
    return stored;
  }

  private Future<List<Attachment>> record(
      Actor actor,
      long orderId,
      Set<String> scope,
      List<AttachmentRepository.NewAttachment> stored) {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(WorkingCalendar.SHANGHAI);
    return pool.withTransaction(
        tx ->
            attachments
                .order(tx, orderId, scope, true)
                .compose(ref -> mayAdd(actor, ref, stored.size()))
                .compose(
                    ref ->
                        attachments
                            .insert(
                                tx,
                                orderId,
                                stored,
                                actor.username(),
                                actor.isUnitStaff() ? actor.unit() : null,
                                now)
                            .compose(
                                added ->
                                    orders
                                        .appendEvent(tx, event(actor, ref, added, now))
                                        .map(added))));
  }

  /** 附件: the history shows who added which files; the order's state and version stay. */
  private static OrderEvent event(
      Actor actor, AttachmentRepository.OrderRef ref, List<Attachment> added, ZonedDateTime now) {
    JsonArray list = new JsonArray();
    added.forEach(a -> list.add(new JsonObject().put("id", a.id()).put("name", a.name())));
    return new OrderEvent(
        ref.id(),
        "attach",
        actor.username(),
        now,
        ref.state(),
        ref.state(),
        added.stream().map(Attachment::name).collect(Collectors.joining(", ")),
        new JsonObject().put("attachments", list));
  }

  private Void deleteAll(List<AttachmentRepository.NewAttachment> stored) {
    stored.forEach(s -> store.delete(s.stored().storedName()));
    return null;
  }
}
