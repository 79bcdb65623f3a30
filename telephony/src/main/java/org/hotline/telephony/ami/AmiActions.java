package org.hotline.telephony.ami;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.ami.records.CallRecordAssembler;
import org.hotline.telephony.ami.state.ActiveChannel;
import org.hotline.telephony.ami.state.AgentView;

/**
 * The request/reply side of the AMI bridge: agent login/logout/pause, originate, transfer and
 * hangup for the core, plus the wallboard and agent snapshots. Each request is validated, sent as
 * one AMI action on a worker, and answered once: {@code {ok:true,…}} or {@code {ok:false,error}}.
 */
final class AmiActions {
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
  private final AmiVerticle ami;
  private final EmergencyTransfers transfers;

  AmiActions(AmiVerticle ami) {
    this.ami = ami;
    this.transfers = new EmergencyTransfers(ami);
  }

  void register(EventBus bus) {
    bus.<JsonObject>consumer(TelephonyAddresses.WALLBOARD_GET, m -> m.reply(ami.wallboard()));
    bus.<JsonObject>consumer(TelephonyAddresses.AGENTS, this::agents);
    handle(bus, TelephonyAddresses.ACTION_QUEUE_ADD, this::queueAdd);
    handle(bus, TelephonyAddresses.ACTION_QUEUE_REMOVE, this::queueRemove);
    handle(bus, TelephonyAddresses.ACTION_PAUSE, b -> pause(b, true));
    handle(bus, TelephonyAddresses.ACTION_UNPAUSE, b -> pause(b, false));
    handle(bus, TelephonyAddresses.ACTION_ORIGINATE, this::originate);
    handle(bus, TelephonyAddresses.ACTION_TRANSFER, this::transfer);
    handle(bus, TelephonyAddresses.ACTION_REDIRECT, this::transfer);
    handle(bus, TelephonyAddresses.ACTION_HANGUP, this::hangup);
  }

  private void handle(
      EventBus bus, String address, Function<JsonObject, Future<JsonObject>> action) {
    bus.<JsonObject>consumer(
        address,
        m -> {
          Future<JsonObject> f;
          try {
            f = action.apply(m.body() == null ? new JsonObject() : m.body());
          } catch (IllegalArgumentException e) {
            f = Future.failedFuture(e);
          }
          f.onSuccess(r -> m.reply(r.put("ok", true)))
              .onFailure(
                  e -> m.reply(new JsonObject().put("ok", false).put("error", e.getMessage())));
        });
  }

  private void agents(Message<JsonObject> m) {
    String one = m.body() == null ? null : m.body().getString("agent");
    List<AgentView> list =
        one == null
            ? ami.state().agents(ami.now())
            : ami.state().agent(one, ami.now()).stream().toList();
    JsonArray arr = new JsonArray();
    list.forEach(a -> arr.add(TelephonyJson.agent(a)));
    m.reply(new JsonObject().put("ok", true).put("agents", arr));
  }

  private Future<JsonObject> queueAdd(JsonObject b) {
    String agent = agentId(b);
    String iface =
        b.getString("interface", ami.settings().agentInterfaceTemplate().replace("{agent}", agent));
    QueueAddAction a = new QueueAddAction(queue(b), iface, b.getInteger("penalty", 0));
    a.setMemberName(agent);
    a.setPaused(b.getBoolean("paused", false));
    return ami.send(a).map(r -> new JsonObject().put("agent", agent).put("interface", iface));
  }

  private Future<JsonObject> queueRemove(JsonObject b) {
    String iface = iface(b);
    return ami.send(new QueueRemoveAction(queue(b), iface))
        .map(r -> new JsonObject().put("interface", iface));
  }

  private Future<JsonObject> pause(JsonObject b, boolean paused) {
    String iface = iface(b);
    QueuePauseAction a = new QueuePauseAction(iface, paused);
    if (b.getString("queue") != null) {
      a.setQueue(b.getString("queue"));
    }
    if (paused) {
      String reason = b.getString("reason", "");
      if (reason.length() > 64) {
        throw new IllegalArgumentException("reason: at most 64 characters");
      }
      a.setReason(reason);
    }
    return ami.send(a).map(r -> new JsonObject().put("interface", iface).put("paused", paused));
  }

  private Future<JsonObject> originate(JsonObject b) {
    String number = b.getString("number", "");
    if (!NUMBER.matcher(number).matches()) {
      throw new IllegalArgumentException("number: 3 to 20 digits expected");
    }
    boolean survey = b.getBoolean("survey", false);
    String agent = b.getString("agent");
    if (survey == (agent != null)) {
      throw new IllegalArgumentException("give either agent or survey:true");
    }
    AmiSettings s = ami.settings();
    OriginateAction a = new OriginateAction();
    if (survey) {
      a.setChannel("Local/" + number + "@" + s.dialoutContext());
      a.setContext(s.surveyContext());
      a.setExten("s");
    } else {
      a.setChannel(iface(b));
      a.setContext(s.dialoutContext());
      a.setExten(number);
    }
    a.setPriority(1);
    a.setCallerId(s.callerId());
    a.setTimeout(s.originateTimeoutMs());
    a.setAsync(true);
    Map<String, String> vars = new HashMap<>();
    vars.put("HOTLINE_NUMBER", number);
    if (b.getValue("ticketId") != null) {
      vars.put("HOTLINE_TICKET_ID", String.valueOf(b.getValue("ticketId")));
    }
    if (b.getValue("taskId") != null) {
      vars.put("HOTLINE_TASK_ID", String.valueOf(b.getValue("taskId")));
    }
    a.setVariables(vars);
    String actionId = "orig-" + UUID.randomUUID();
    a.setActionId(actionId);
    JsonObject request =
        new JsonObject()
            .put("number", number)
            .put("agent", agent)
            .put("survey", survey)
            .put("ticketId", b.getValue("ticketId"))
            .put("taskId", b.getValue("taskId"));
    ami.expectOriginate(actionId, request);
    return ami.send(a)
        .onFailure(e -> ami.forgetOriginate(actionId))
        .map(r -> new JsonObject().put("actionId", actionId));
  }

  private Future<JsonObject> transfer(JsonObject b) {
    String callId = b.getString("callId", "");
    String target = b.getString("target", "");
    if (!ami.settings().transferTargets().contains(target)) {
      throw new IllegalArgumentException("target: not a configured transfer target: " + target);
    }
    return transfers.transfer(callId, target, b.getString("mode", "redirect"), channel(callId));
  }

  private Future<JsonObject> hangup(JsonObject b) {
    String callId = b.getString("callId", "");
    return ami.send(new HangupAction(channel(callId).name()))
        .map(r -> new JsonObject().put("callId", callId));
  }

  static CallRecordAssembler.OriginateInfo originateInfo(JsonObject req) {
    Object ticket = req.getValue("ticketId");
    Object task = req.getValue("taskId");
    return new CallRecordAssembler.OriginateInfo(
        req.getString("number"),
        req.getString("agent"),
        ticket == null ? List.of() : List.of(String.valueOf(ticket)),
        task == null ? null : String.valueOf(task));
  }

  private ActiveChannel channel(String callId) {
    return ami.state()
        .channel(callId)
        .orElseThrow(() -> new IllegalArgumentException("callId: no live call " + callId));
  }

  private String queue(JsonObject b) {
    String q = b.getString("queue", ami.settings().defaultQueue());
    if (!ami.settings().queues().contains(q)) {
      throw new IllegalArgumentException("queue: not a configured queue: " + q);
    }
    return q;
  }

  private String agentId(JsonObject b) {
    String agent = b.getString("agent", "");
    if (!AGENT_ID.matcher(agent).matches()) {
      throw new IllegalArgumentException("agent: 1 to 64 letters, digits or _.@-");
    }
    return agent;
  }

  /** The member interface: given, or the known agent's, or the template. */
  private String iface(JsonObject b) {
    String given = b.getString("interface");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String agent = agentId(b);
    return ami.state()
        .agent(agent, ami.now())
        .map(AgentView::iface)
        .orElse(ami.settings().agentInterfaceTemplate().replace("{agent}", agent));
  }
}
