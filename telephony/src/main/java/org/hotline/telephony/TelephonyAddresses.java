package org.hotline.telephony;

/**
 * The telephony module's event-bus contract: every address it listens on or publishes to, with the
 * JSON shape of each message. Times are ISO-8601 strings (UTC, e.g. {@code 2026-11-28T09:00:00Z});
 * a call id is the Asterisk {@code Uniqueid} of the caller's channel (the channel that runs the
 * dialplan, joins the queue and hands {@code ${UNIQUEID}} to the survey AGI). Request/reply
 * handlers answer failures with {@code {"ok":false,"error":"…"}}.
 */
public final class TelephonyAddresses {
  private TelephonyAddresses() {}

  // ---------------------------------------------------------------------------------------------
  // AMI: call and queue tracking, wallboard, agent actions (package org.hotline.telephony.ami)
  // ---------------------------------------------------------------------------------------------

  /**
   * Published when a call has ended (all of its channels hung up). Body, a call record: {@code {id,
   * linkedId, direction:"inbound"|"outbound", caller, calledNumber, queue, enteredAt, queuedAt,
   * answeredAt, endedAt, waitSeconds, talkSeconds, agent, agentInterface,
   * outcome:"answered"|"abandoned"|"voicemail"|"ivr", recording, transferTarget, transfers:[{kind:
   * "redirect"|"blind"|"attended"|"conference", target, at,
   * result:"requested"|"success"|"failed"}], ticketIds:[…], taskId, partial:boolean}}. Absent
   * values are JSON null; {@code partial} is true when the platform did not see the whole call (it
   * was connected to Asterisk only for part of it).
   */
  public static final String CALL_ENDED = "telephony.call.ended";

  /**
   * Published once per call that was missed (漏接): abandoned in the queue, or hung up in the IVR
   * after the IVR routed it to an agent. Body: {@code {callId, number, at, queue,
   * reason:"abandoned"|"ivr-hangup", waitSeconds}}. The core makes one callback task per number and
   * day.
   */
  public static final String CALL_MISSED = "telephony.call.missed";

  /**
   * Screen pop, published when a queue call connects to an agent. Body: {@code {agent,
   * agentInterface, callerNumber, callId, linkedId, queue, waitSeconds, at}}; {@code agent} is the
   * queue member name (the agent id given at queue-add).
   */
  public static final String AGENT_CONNECTED = "telephony.agent.connected";

  /**
   * Published every second (and answered on {@link #WALLBOARD_GET}). Body: {@code {callsWaiting,
   * longestWaitSeconds, agents:{available, ringing, onCall, wrapUp, paused, loggedOut},
   * answeredWithin15sToday, answeredToday, abandonedToday, abandonRate, avgHandleSeconds,
   * serviceLevel, connected, simulated, at, queues:[{queue, callsWaiting, longestWaitSeconds,
   * agents:{…}, answeredToday, abandonedToday}]}}. {@code abandonRate} and {@code serviceLevel} are
   * fractions 0..1 of the calls offered today; {@code connected} is false while the AMI link is
   * down (figures then show the last known state).
   */
  /**
   * Published whenever an agent goes into or out of a pause (示忙), or changes its reason, as the AMI
   * member events report it (from the console or the softphone alike): {@code {agent, interface,
   * paused, reason, at}}. The core keeps the intervals for the per-agent figures.
   */
  public static final String AGENT_PAUSE = "telephony.agent.pause";

  public static final String WALLBOARD = "telephony.wallboard";

  /** Request (any body) → the current wallboard JSON, as published on {@link #WALLBOARD}. */
  public static final String WALLBOARD_GET = "telephony.wallboard.get";

  /**
   * Request (any body, or {@code {agent}} for one) → {@code {ok:true, agents:[{agent, interface,
   * state:"available"|"ringing"|"onCall"|"wrapUp"|"paused"|"loggedOut", pausedReason, queues:[…],
   * callId, callerNumber, since, callsTaken}]}}.
   */
  public static final String AGENTS = "telephony.agents";

  /**
   * Published when the AMI link changes. Body: {@code {connected, simulated, host, port, at,
   * error}}.
   */
  public static final String AMI_STATUS = "telephony.ami.status";

  /**
   * Request: log an agent into a queue (QueueAdd). Body {@code {agent, interface, queue?, penalty?,
   * paused?}}; queue defaults to the first configured queue. Reply {@code {ok:true}}.
   */
  public static final String ACTION_QUEUE_ADD = "telephony.action.queue-add";

  /** Request: log out of a queue (QueueRemove). Body {@code {agent | interface, queue?}}. */
  public static final String ACTION_QUEUE_REMOVE = "telephony.action.queue-remove";

  /**
   * Request: pause an agent in all its queues (QueuePause). Body {@code {agent | interface, reason,
   * queue?}}; reason is a code like {@code break}, {@code meeting}, {@code training}.
   */
  public static final String ACTION_PAUSE = "telephony.action.pause";

  /** Request: unpause (QueuePause Paused:false). Body {@code {agent | interface, queue?}}. */
  public static final String ACTION_UNPAUSE = "telephony.action.unpause";

  /**
   * Request: originate a call (click-to-call, callback). Body {@code {number, agent? |
   * survey?:true, ticketId?, taskId?}}. With {@code agent}, the agent's phone rings first and is
   * then connected to {@code number}; with {@code survey:true} the citizen is called and put into
   * the {@code callback-survey} AGI. Reply {@code {ok:true, actionId}} once Asterisk has queued it;
   * the outcome follows on {@link #ORIGINATE_RESULT}.
   */
  public static final String ACTION_ORIGINATE = "telephony.action.originate";

  /**
   * Published for each originate: {@code {actionId, ok, reason, uniqueId, number, agent, survey,
   * ticketId, taskId, at}}; {@code reason} is Asterisk's code (4 = answered, 0 = failed, 3 = no
   * answer, 5 = busy, 8 = congestion).
   */
  public static final String ORIGINATE_RESULT = "telephony.originate.result";

  /**
   * Request: emergency transfer or conference of a caller with 110 / 119 / 120 / 122 or another
   * configured target. Body {@code {callId, target, mode?}}; mode {@code redirect} (default, AMI
   * Redirect of the caller), {@code attended} (AMI Atxfer on the agent's leg) or {@code conference}
   * (dual Redirect of caller and agent into {@code conferenceContext,hotline-<callId>}, then an
   * Originate of the target into that ConfBridge). Reply {@code {ok:true, callId, target, mode}};
   * the call record lists it in {@code transfers} ({@code {kind, target, at, result}}).
   */
  public static final String ACTION_TRANSFER = "telephony.action.transfer";

  /** Same as {@link #ACTION_TRANSFER} (kept as the AMI action's own name). */
  public static final String ACTION_REDIRECT = "telephony.action.redirect";

  /** Request: hang up a call's caller channel. Body {@code {callId}}. Reply {@code {ok:true}}. */
  public static final String ACTION_HANGUP = "telephony.action.hangup";

  /**
   * Channel variable the IVR sets to say where it routed the caller: {@code queue} (to an agent) or
   * {@code voicemail} (message left). The AMI side reads it (VarSet) for the call outcome.
   */
  public static final String VAR_ROUTE = "HOTLINE_ROUTE";

  /** Channel variable set by MixMonitor with the recording's file name. */
  public static final String VAR_RECORDING = "MIXMONITOR_FILENAME";

  // ---------------------------------------------------------------------------------------------
  // FastAGI: IVR and survey (package org.hotline.telephony.agi), added by the AGI side.
  // ---------------------------------------------------------------------------------------------

  /**
   * Request from the {@code hotline} IVR when a call arrives (sent with a short timeout; without an
   * answer the IVR goes on with defaults: not blocked, staffed, day greeting, priority 0). Body
   * {@code {callId, number, dnid, channel}} ({@code number} is "" when the caller id is unknown).
   * Reply {@code {blocked:boolean, knownCaller:boolean, openOrders:int, priority:int 0..10,
   * profileId:string|null, staffed:boolean, greeting:"day"|"night"|"holiday",
   * expectedWaitSeconds:int, voicemailOffered:boolean}}: {@code greeting} follows staffed hours and
   * the holiday calendar; {@code priority} goes to {@code QUEUE_PRIO}; voicemail is offered when
   * {@code staffed} is false, when {@code expectedWaitSeconds} exceeds the IVR's {@code
   * maxWaitSeconds}, or when {@code voicemailOffered} is true.
   */
  public static final String IVR_CALLER = "telephony.ivr.caller";

  /**
   * Request from the {@code hotline} IVR after the caller pressed 2 and keyed an order number
   * (digits only, 4..20). Body {@code {callId, number, orderNumber}}. Reply {@code {found:boolean,
   * state:"RECEIVED"|"DISPATCHED"|"ACCEPTED"|"REPLIED"|"CALLBACK"|"CLOSED"|"ANSWERED"|"MERGED",
   * stateText, dueDate}}; {@code dueDate} is ISO-8601 (date, or date-time with offset) or null. The
   * IVR reads back the number, a prompt per state and the due date.
   */
  public static final String IVR_ORDER_STATUS = "telephony.ivr.order-status";

  /**
   * Request from the {@code hotline} IVR once a caller has left a message (no agent staffed or wait
   * too long). Body {@code {callId, number, recording, durationSeconds, recordedAt}}; {@code
   * recording} is the file Asterisk wrote (absolute path, extension included). The core creates an
   * order of channel {@code voicemail} with a callback task. Reply {@code {ticketNumber}}.
   */
  public static final String IVR_VOICEMAIL = "telephony.ivr.voicemail";

  /**
   * Published by the {@code hotline} IVR when the caller hung up inside the IVR after the greeting
   * started and before being routed ({@link #VAR_ROUTE} not yet set), so the core makes a callback
   * task (one per number and day, as for {@link #CALL_MISSED}). Body {@code {callId, number, at,
   * stage:"greeting"|"order-status"|"voicemail-offer"|"voicemail"}}.
   */
  public static final String IVR_MISSED = "telephony.ivr.missed";

  /**
   * Request from the {@code survey} and {@code callback-survey} IVRs. Body {@code {callId, number,
   * score:1|2|3, kind:"call"|"callback", ref}}: score 1 满意, 2 基本满意, 3 不满意; for {@code call} the
   * survey rates the agent's service and {@code callId} = {@code ref} = the rated call's unique id;
   * for {@code callback} {@code callId} is the callback call's unique id and {@code ref} the ticket
   * or callback-task id, from the AGI arguments {@code (ref, number)} or {@code (uniqueId, number,
   * ref)}. Reply {@code {ok}}.
   */
  public static final String SURVEY_RESULT = "telephony.survey.result";

  /** Channel variable the survey IVRs set: {@code 1}, {@code 2}, {@code 3} or {@code none}. */
  public static final String VAR_SURVEY_SCORE = "SURVEY_SCORE";

  /**
   * Channel variables the {@code hotline} IVR sets before it returns a caller to the dialplan for
   * the queue: the core's profile id ("" when unknown), the priority 0..10 (also in {@code
   * QUEUE_PRIO}, which app_queue reads, and {@code QUEUE_PRIORITY}), the language, and the queue
   * name to use. {@link #VAR_ROUTE} is set last: {@code queue}, {@code voicemail}, {@code blocked}
   * or {@code hangup} (empty voicemail); unset means the caller hung up inside the IVR.
   */
  public static final String VAR_PROFILE = "HOTLINE_PROFILE";

  /** See {@link #VAR_PROFILE}. */
  public static final String VAR_PRIORITY = "HOTLINE_PRIORITY";

  /** See {@link #VAR_PROFILE}. */
  public static final String VAR_LANGUAGE = "HOTLINE_LANG";

  /** See {@link #VAR_PROFILE}. */
  public static final String VAR_QUEUE = "HOTLINE_QUEUE";
}
