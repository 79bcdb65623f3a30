package org.hotline.ticketing.telephony;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.calendar.WorkingHours;
import org.hotline.ticketing.callback.CallbackRatings;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.order.NewOrder;
import org.hotline.ticketing.order.OrderQuery;
import org.hotline.ticketing.order.OrderView;
import org.hotline.ticketing.order.WorkOrderRepository;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.OrderState;
import org.hotline.ticketing.workflow.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's side of the telephony contract ({@link TelephonyAddresses}): answers the IVR's
 * questions, stores call records and survey answers, turns missed calls and voicemail into callback
 * tasks, and builds the agent's screen pop.
 */
public final class TelephonyBridge {

  /**
   * Published for the agent console when a call connects: {agent, callerNumber, callId, profile}.
   */
  public static final String SCREEN_POP = "ticketing.screenpop";

  private static final Logger LOG = LoggerFactory.getLogger(TelephonyBridge.class);
  private static final Actor IVR = new Actor("ivr", EnumSet.of(Role.AGENT), null);
  private final Vertx vertx;
  private final CallRepository calls;
  private final WorkOrderService orders;
  private final ReferenceData reference;
  private final CallbackRatings ratings;
  private volatile int longestWaitSeconds;

  public TelephonyBridge(
      Vertx vertx,
      CallRepository calls,
      WorkOrderService orders,
      ReferenceData reference,
      CallbackRatings ratings) {
    this.vertx = vertx;
    this.calls = calls;
    this.orders = orders;
    this.reference = reference;
    this.ratings = ratings;
  }

  public void register() {
    var bus = vertx.eventBus();
    bus.<JsonObject>consumer(
        TelephonyAddresses.CALL_ENDED, m -> logged("call record", calls.saveCall(m.body())));
    bus.<JsonObject>consumer(
        TelephonyAddresses.CALL_MISSED,
        m ->
            missed(
                m.body().getString("number"),
                m.body().getString("callId"),
                "未接来电：" + m.body().getString("reason", "abandoned")));
    bus.<JsonObject>consumer(
        TelephonyAddresses.IVR_MISSED,
        m ->
            missed(
                m.body().getString("number"),
                m.body().getString("callId"),
                "IVR 中挂机：" + m.body().getString("stage", "")));
    bus.<JsonObject>consumer(
        TelephonyAddresses.AGENT_PAUSE,
        m ->
            logged(
                "agent pause",
                calls.recordPause(
                    m.body().getString("agent"),
                    m.body().getBoolean("paused", false),
                    m.body().getString("reason"),
                    java.time.OffsetDateTime.parse(m.body().getString("at")))));
    bus.<JsonObject>consumer(
        TelephonyAddresses.WALLBOARD,
        m -> longestWaitSeconds = m.body().getInteger("longestWaitSeconds", 0));
    bus.<JsonObject>consumer(TelephonyAddresses.IVR_CALLER, this::caller);
    bus.<JsonObject>consumer(TelephonyAddresses.IVR_ORDER_STATUS, this::orderStatus);
    bus.<JsonObject>consumer(TelephonyAddresses.IVR_VOICEMAIL, this::voicemail);
    bus.<JsonObject>consumer(TelephonyAddresses.SURVEY_RESULT, this::survey);
    bus.<JsonObject>consumer(TelephonyAddresses.AGENT_CONNECTED, this::screenPop);
  }

  private void missed(String number, String callId, String note) {
    if (number == null || number.isBlank()) {
      return; // an anonymous caller cannot be called back
    }
    logged(
        "missed-call task",
        calls
            .missedCallTask(number, callId, LocalDate.now(WorkingCalendar.SHANGHAI), note)
            .mapEmpty());
  }

  private void caller(Message<JsonObject> m) {
    String number = m.body().getString("number", "");
    Future<Boolean> blocked =
        number.isEmpty() ? Future.succeededFuture(false) : calls.isBlocked(number);
    Future<int[]> history =
        number.isEmpty() ? Future.succeededFuture(new int[3]) : calls.callerHistory(number);
    Future.all(blocked, history)
        .onSuccess(
            all -> {
              int[] h = history.result();
              int priority =
                  h[0] > 0 ? 5 : (h[2] > 0 ? 3 : 0); // open orders, then repeat callers today
              m.reply(
                  new JsonObject()
                      .put("blocked", blocked.result())
                      .put("knownCaller", h[1] > 0 || h[2] > 0)
                      .put("openOrders", h[0])
                      .put("priority", priority)
                      .put("profileId", number.isEmpty() ? null : number)
                      .put("staffed", true)
                      .put("greeting", greeting(ZonedDateTime.now(WorkingCalendar.SHANGHAI)))
                      .put("expectedWaitSeconds", longestWaitSeconds)
                      .put("voicemailOffered", false));
            })
        .onFailure(e -> m.fail(500, e.getMessage()));
  }

  /** 节假日 greeting on holidays, 工作时间 greeting during office hours, else the night one. */
  String greeting(ZonedDateTime now) {
    WorkingCalendar cal = reference.calendar();
    LocalDate day = now.toLocalDate();
    boolean weekend = day.getDayOfWeek().getValue() >= 6;
    if (!cal.isWorkingDay(day) && !weekend) {
      return "holiday";
    }
    LocalTime t = now.toLocalTime();
    List<WorkingHours.Period> periods = cal.hours().periods();
    boolean office =
        cal.isWorkingDay(day)
            && !t.isBefore(periods.get(0).start())
            && t.isBefore(periods.get(periods.size() - 1).end());
    return office ? "day" : "night";
  }

  private void orderStatus(Message<JsonObject> m) {
    String digits = m.body().getString("orderNumber", "").replaceAll("\\D", "");
    String number = m.body().getString("number", "");
    WorkOrderRepository.byKeyedDigits(calls.pool(), digits)
        .onSuccess(
            row -> {
              // Only the citizen who reported it hears an order's progress.
              if (row == null
                  || number.isEmpty()
                  || !number.equals(row.getString("citizen_phone"))) {
                m.reply(new JsonObject().put("found", false));
                return;
              }
              ZonedDateTime due = Db.zoned(row, "due_deadline");
              m.reply(
                  new JsonObject()
                      .put("found", true)
                      .put("state", row.getString("state"))
                      .put("stateText", OrderState.valueOf(row.getString("state")).citizenText())
                      .put("dueDate", due == null ? null : due.toLocalDate().toString()));
            })
        .onFailure(e -> m.fail(500, e.getMessage()));
  }

  private void voicemail(Message<JsonObject> m) {
    JsonObject b = m.body();
    String number = b.getString("number", "");
    String callId = b.getString("callId");
    NewOrder order =
        new NewOrder(
            "voicemail",
            "help",
            null,
            number.isEmpty() ? null : number,
            null,
            false,
            null,
            null,
            null,
            null,
            "市民语音留言，时长 "
                + b.getInteger("durationSeconds", 0)
                + " 秒，录音文件 "
                + b.getString("recording", "")
                + "，请回拨了解诉求。",
            "normal",
            callId == null ? List.of() : List.of(callId));
    orders
        .create(
            IVR,
            order,
            (tx, created) ->
                number.isEmpty()
                    ? Future.succeededFuture()
                    : tx.preparedQuery(
                            "INSERT INTO callback_task (kind, number, day, call_id, order_id, note) VALUES ('voicemail', $1, $2, $3, $4, '语音留言回拨')")
                        .execute(
                            Tuple.of(
                                number,
                                LocalDate.now(WorkingCalendar.SHANGHAI),
                                callId,
                                created.id))
                        .mapEmpty())
        .onSuccess(o -> m.reply(new JsonObject().put("ticketNumber", o.number)))
        .onFailure(
            e -> {
              LOG.error("voicemail of call {} not stored", callId, e);
              m.fail(500, e.getMessage());
            });
  }

  private void survey(Message<JsonObject> m) {
    JsonObject b = m.body();
    Integer score = b.getInteger("score");
    String kind = b.getString("kind", "call");
    if (score == null
        || score < 1
        || score > 3
        || b.getString("callId") == null
        || !List.of("call", "callback").contains(kind)) {
      m.reply(new JsonObject().put("ok", false).put("error", "bad survey result"));
      return;
    }
    calls
        .saveSurvey(b.getString("callId"), b.getString("number"), score, kind, b.getString("ref"))
        .compose(
            v ->
                "callback".equals(kind)
                    ? ratings.rate(b.getString("ref"), b.getString("callId"), score).mapEmpty()
                    : Future.succeededFuture())
        .onSuccess(v -> m.reply(new JsonObject().put("ok", true)))
        .onFailure(e -> m.reply(new JsonObject().put("ok", false).put("error", e.getMessage())));
  }

  /** Screen pop: the caller's earlier and open orders, published for the agent's console. */
  private void screenPop(Message<JsonObject> m) {
    JsonObject b = m.body();
    String number = b.getString("callerNumber");
    Actor staff = new Actor(b.getString("agent", "agent"), EnumSet.of(Role.AGENT), null);
    OrderQuery q = new OrderQuery(null, null, null, null, number, null, null, 0, 10);
    orders
        .list(staff, q)
        .onSuccess(
            page -> {
              JsonArray earlier = new JsonArray();
              JsonArray open = new JsonArray();
              ZonedDateTime now = orders.now();
              page.items()
                  .forEach(
                      o ->
                          (o.state.isOpen() ? open : earlier).add(OrderView.toJson(o, false, now)));
              vertx
                  .eventBus()
                  .publish(
                      SCREEN_POP,
                      new JsonObject()
                          .put("agent", b.getString("agent"))
                          .put("callerNumber", number)
                          .put("callId", b.getString("callId"))
                          .put(
                              "profile",
                              new JsonObject()
                                  .put("openOrders", open)
                                  .put("earlierOrders", earlier)
                                  .put("totalOrders", page.total())));
            })
        .onFailure(e -> LOG.warn("screen pop for call {} failed", b.getString("callId"), e));
  }

  private static void logged(String what, Future<Void> f) {
    f.onFailure(e -> LOG.error("storing {} failed", what, e));
  }
}
