package dev.jobsdk.cli;

import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.Progress;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a job's progress: on a terminal one line redrawn in place (bar, percent, message,
 * elapsed); otherwise one plain line per change, which suits logs and pipes.
 */
final class ProgressRenderer {
  private static final int BAR = 24;

  private final PrintStream out;
  private final boolean terminal;
  private final Clock clock;
  private final Instant start;
  private final String label;
  private final int width;
  private int lastWidth;

  ProgressRenderer(PrintStream out, boolean terminal, Clock clock, String label) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
    this.start = clock.instant();
    this.label = label;
    this.width = terminalWidth(System.getenv("COLUMNS"));
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
  void update(JobSnapshot snapshot) {
    String line = render(snapshot, Duration.between(start, clock.instant()));
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

  /** Ends the live line so that what follows starts on a line of its own. */
  void finish() {
    if (terminal && lastWidth > 0) {
      out.println();
      lastWidth = 0;
    }
  }

  String render(JobSnapshot s, Duration elapsed) {
    StringBuilder sb = new StringBuilder();
    if (label != null) {
      sb.append(label).append(' ');
    }
    Progress p = s.progress().orElse(null);
    Integer percent = p != null && p.percent().isPresent() ? p.percent().getAsInt() : null;
    if (percent == null && s.state().isTerminal()) {
      percent = s.state() == dev.jobsdk.core.JobState.SUCCEEDED ? 100 : null;
    }
    if (terminal) {
      int filled = percent == null ? 0 : percent * BAR / 100;
      sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
    }
    sb.append(percent == null ? "  ?%" : String.format("%3d%%", percent));
    sb.append(' ').append(s.rawStatus());
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

  static String format(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }
}
