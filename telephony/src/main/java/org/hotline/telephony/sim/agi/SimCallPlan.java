package org.hotline.telephony.sim.agi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link SimulatedAgiCall} does: the call's {@code agi_*} environment, the caller's keys,
 * prompt lengths, and the faults to inject (hang-up, garbage, silence, 520 form, truncated
 * environment). Built with {@link #builder(String)}; immutable once built.
 */
public final class SimCallPlan {
  /** Which form of 520 the simulated Asterisk sends (xmldoc disabled or enabled). */
  public enum UsageStyle {
    SINGLE_LINE,
    MULTI_LINE
  }

  final String networkScript;
  final List<String> args;
  final Map<String, String> environmentOverrides;
  final Map<String, String> variables;
  final List<DtmfInput> inputs;
  final Map<String, Long> promptMs;
  final long defaultPromptMs;
  final Set<String> missingPrompts;
  final int hangupAtCommand;
  final String hangupOnCommandPrefix;
  final long hangupAfterMs;
  final int garbageAtCommand;
  final int silentAtCommand;
  final String refusedCommandPrefix;
  final int truncateEnvironmentAfterLines;
  final String garbageEnvironmentLine;
  final UsageStyle usageStyle;
  final double timeScale;
  final int environmentWrites;
  final long maxCallMs;

  private SimCallPlan(Builder b) {
    this.networkScript = b.networkScript;
    this.args = List.copyOf(b.args);
    this.environmentOverrides = Map.copyOf(b.environmentOverrides);
    this.variables = Map.copyOf(b.variables);
    this.inputs = List.copyOf(b.inputs);
    this.promptMs = Map.copyOf(b.promptMs);
    this.defaultPromptMs = b.defaultPromptMs;
    this.missingPrompts = Set.copyOf(b.missingPrompts);
    this.hangupAtCommand = b.hangupAtCommand;
    this.hangupOnCommandPrefix = b.hangupOnCommandPrefix;
    this.hangupAfterMs = b.hangupAfterMs;
    this.garbageAtCommand = b.garbageAtCommand;
    this.silentAtCommand = b.silentAtCommand;
    this.refusedCommandPrefix = b.refusedCommandPrefix;
    this.truncateEnvironmentAfterLines = b.truncateEnvironmentAfterLines;
    this.garbageEnvironmentLine = b.garbageEnvironmentLine;
    this.usageStyle = b.usageStyle;
    this.timeScale = b.timeScale;
    this.environmentWrites = b.environmentWrites;
    this.maxCallMs = b.maxCallMs;
  }

  /**
   * A plan for {@code AGI(agi://host:port/<networkScript>)}, e.g. {@code hotline?lang=zh} or {@code
   * survey}.
   */
  public static Builder builder(String networkScript) {
    return new Builder(networkScript);
  }

  /** Fluent builder; every setting has a default that behaves like a plain caller. */
  public static final class Builder {
    private final String networkScript;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environmentOverrides = new LinkedHashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final List<DtmfInput> inputs = new ArrayList<>();
    private final Map<String, Long> promptMs = new HashMap<>();
    private long defaultPromptMs = 2000;
    private final Set<String> missingPrompts = new HashSet<>();
    private int hangupAtCommand;
    private String hangupOnCommandPrefix;
    private long hangupAfterMs = -1;
    private int garbageAtCommand;
    private int silentAtCommand;
    private String refusedCommandPrefix;
    private int truncateEnvironmentAfterLines = -1;
    private String garbageEnvironmentLine;
    private UsageStyle usageStyle = UsageStyle.SINGLE_LINE;
    private double timeScale = 1.0;
    private int environmentWrites = 3;
    private long maxCallMs = 30_000;

    private Builder(String networkScript) {
      this.networkScript = networkScript;
    }

    /** AGI arguments, sent as {@code agi_arg_1..n}. */
    public Builder args(String... values) {
      args.addAll(List.of(values));
      return this;
    }

    /** Overrides one {@code agi_*} field, e.g. {@code agi_callerid}. */
    public Builder environment(String name, String value) {
      environmentOverrides.put(name, value);
      return this;
    }

    public Builder callerId(String number) {
      return environment("agi_callerid", number);
    }

    public Builder uniqueId(String uniqueId) {
      return environment("agi_uniqueid", uniqueId);
    }

    /** A channel variable known before the script runs (e.g. {@code SCENARIO}). */
    public Builder variable(String name, String value) {
      variables.put(name, value);
      return this;
    }

    /** The caller's actions, consumed in order by input-taking commands. */
    public Builder inputs(DtmfInput... values) {
      inputs.addAll(List.of(values));
      return this;
    }

    /** Simulated length of a prompt (default 2000 ms). */
    public Builder prompt(String name, long ms) {
      promptMs.put(name, ms);
      return this;
    }

    public Builder defaultPromptMs(long ms) {
      this.defaultPromptMs = ms;
      return this;
    }

    /** A prompt file Asterisk does not have ({@code 200 result=-1 endpos=0}). */
    public Builder missingPrompt(String name) {
      missingPrompts.add(name);
      return this;
    }

    /** The caller hangs up during the {@code n}-th command (1-based). */
    public Builder hangupAtCommand(int n) {
      this.hangupAtCommand = n;
      return this;
    }

    /** The caller hangs up during the first command starting with {@code prefix}. */
    public Builder hangupOnCommand(String prefix) {
      this.hangupOnCommandPrefix = prefix;
      return this;
    }

    /** How far into a prompt or recording the hang-up happens (default: half of it). */
    public Builder hangupAfterMs(long ms) {
      this.hangupAfterMs = ms;
      return this;
    }

    /** Answers the {@code n}-th command with a garbage line. */
    public Builder garbageAtCommand(int n) {
      this.garbageAtCommand = n;
      return this;
    }

    /** Never answers the {@code n}-th command. */
    public Builder silentAtCommand(int n) {
      this.silentAtCommand = n;
      return this;
    }

    /** Answers {@code 510 Invalid or unknown command} to commands starting with {@code prefix}. */
    public Builder refuseCommand(String prefix) {
      this.refusedCommandPrefix = prefix;
      return this;
    }

    /** Sends only the first {@code lines} lines of the {@code agi_*} block, then closes. */
    public Builder truncateEnvironmentAfter(int lines) {
      this.truncateEnvironmentAfterLines = lines;
      return this;
    }

    /** Puts this line in the middle of the {@code agi_*} block. */
    public Builder garbageInEnvironment(String line) {
      this.garbageEnvironmentLine = line;
      return this;
    }

    public Builder usageStyle(UsageStyle style) {
      this.usageStyle = style;
      return this;
    }

    /**
     * Factor applied to every simulated wait (prompts, timeouts, key presses); 0.01 makes a 2 s
     * prompt take 20 ms. Reported positions ({@code endpos}) stay unscaled.
     */
    public Builder timeScale(double scale) {
      this.timeScale = scale;
      return this;
    }

    /** In how many TCP writes the {@code agi_*} block is sent (default 3, split mid-line). */
    public Builder environmentWrites(int writes) {
      this.environmentWrites = Math.max(1, writes);
      return this;
    }

    /** The simulator gives up (and closes) after this many real milliseconds. */
    public Builder maxCallMs(long ms) {
      this.maxCallMs = ms;
      return this;
    }

    public SimCallPlan build() {
      return new SimCallPlan(this);
    }
  }
}
