package dev.jobsdk.cli;

import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a job's progress: on a terminal one line redrawn in place (bar, percent, message, elapsed),
 * redrawn every second so that the elapsed time ticks between polls; otherwise one plain line per
 * change, which suits logs and pipes. A job that reports no percentage gets a bar that moves
 * instead of a made-up number.
 */
final class ProgressRenderer {
  static final Duration TICK = Duration.ofSeconds(1);
  private static final int BAR = 24;
  private static final String SWEEP = "====";

  private final PrintStream out;
  private final boolean terminal;
  private final Clock clock;
  private final Instant start;
  private final String label;
  private final int width;
  private final Ticker ticks;
  private int lastWidth;
  private JobSnapshot last;
  private Cancellable nextTick;
  private boolean finished;

  /** Runs the once-a-second redraw; the CLI's clients' scheduler in tests, a timer thread otherwise. */
  interface Ticker {
    Cancellable schedule(Duration delay, Runnable task);
  }

  /** A renderer whose live line is redrawn every second by {@code ticks} (null: only on updates). */
  ProgressRenderer(PrintStream out, boolean terminal, Clock clock, String label, Ticker ticks) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.start = clock.instant();
    this.label = label;
    this.width = terminalWidth(System.getenv("COLUMNS"));
    this.ticks = terminal ? ticks : null;
  }

  /** The live line is cut to the terminal's width so that it never wraps (and can be redrawn). */
  static int terminalWidth(String columns) {
    try {
      int n = Integer.parseInt(columns == null ? "" : columns.strip());
      return Math.max(40, n - 1);
    } catch (NumberFormatException e) {
      return 119;
    }
  }

  /**
   * Shows one snapshot.
   *
   * @param snapshot the job as last polled
   */
  synchronized void update(JobSnapshot snapshot) {
    if (finished) {
      return;
    }
    last = snapshot;
    draw();
    if (ticks != null && nextTick == null) {
      nextTick = ticks.schedule(TICK, this::tick);
    }
  }

  private synchronized void tick() {
    nextTick = null;
    if (finished || last == null) {
      return;
    }
    draw();
    nextTick = ticks.schedule(TICK, this::tick);
  }

  private void draw() {
    String line = render(last, Duration.between(start, clock.instant()));
    if (terminal) {
      if (line.length() > width) {
        line = line.substring(0, width - 1) + "…";
      }
      String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
      out.print("\r" + padded);
      lastWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Stops the ticking and ends the live line, so that what follows starts on a line of its own. */
  synchronized void finish() {
    finished = true;
    if (nextTick != null) {
      nextTick.cancel();
      nextTick = null;
    }
    if (terminal && lastWidth > 0) {
      out.println();
      lastWidth = 0;
    }
    out.flush();
  }

  String render(JobSnapshot s, Duration elapsed) {
    StringBuilder sb = new StringBuilder();
    if (label != null) {
      sb.append(label).append(' ');
    }
    Progress p = s.progress().orElse(null);
    Integer percent = p != null && p.percent().isPresent() ? p.percent().getAsInt() : null;
    if (percent == null && s.state() == JobState.SUCCEEDED) {
      percent = 100;
    }
    if (terminal) {
      sb.append('[').append(percent != null ? bar(percent) : sweep(elapsed, s.state().isTerminal())).append("] ");
    }
    if (percent != null) {
      sb.append(String.format("%3d%% ", percent));
    }
    sb.append(s.rawStatus());
    String message = p == null ? null : p.message().orElse(null);
    if (message == null) {
      message = s.errorMessage().orElse(null);
    }
    if (message != null) {
      sb.append(" - ").append(message);
    }
    if (p != null && !p.stages().isEmpty()) {
      sb.append(' ').append(p.stages());
    }
    sb.append(" (").append(format(elapsed)).append(')');
    return sb.toString();
  }

  private static String bar(int percent) {
    int filled = Math.max(0, Math.min(BAR, percent * BAR / 100));
    return "#".repeat(filled) + "-".repeat(BAR - filled);
  }

  /** An indeterminate bar: a block that sweeps back and forth, one step a second; still when ended. */
  static String sweep(Duration elapsed, boolean ended) {
    if (ended) {
      return " ".repeat(BAR);
    }
    int span = BAR - SWEEP.length();
    int step = (int) (Math.max(0, elapsed.getSeconds()) % (2L * span));
    int at = step <= span ? step : 2 * span - step;
    return " ".repeat(at) + SWEEP + " ".repeat(span - at);
  }

  /** Elapsed time as a clock: {@code 00:42}, {@code 1:02:03}. */
  static String format(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }
}
