package io.truecount.server.trust;

import io.truecount.core.trust.Gap;
import io.truecount.core.trust.Reconciliation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reconciliation's two charts as self-contained SVG (no script, no CDN — they render offline
 * and embed in any page): a waterfall from backend orders through every gap category to
 * Truecount, then to the platform-reported count; and the daily lines of the three series.
 */
public final class ReconciliationCharts {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 420;
  private static final int MARGIN = 90;
  private static final int BOTTOM = 120;

  private ReconciliationCharts() {}

  /** One bar of the waterfall: a total (from zero) or a step (from the running total). */
  record Bar(String label, long from, long to, boolean total) {}

  public static String waterfall(Reconciliation.Result result, long platform) {
    List<Bar> bars = new ArrayList<>();
    long running = result.backendOrders();
    bars.add(new Bar("backend orders", 0, running, true));
    for (Map.Entry<Gap, Long> e : result.byGap().entrySet()) {
      long effect = e.getKey().side() == Gap.Side.BACKEND ? -e.getValue() : e.getKey().side() == Gap.Side.TRUECOUNT ? e.getValue() : 0;
      if (effect != 0) {
        bars.add(new Bar(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), running, running + effect, false));
        running += effect;
      }
    }
    bars.add(new Bar("Truecount", 0, running, true));
    if (platform > 0) {
      bars.add(new Bar("platform's own counting", running, platform, false));
      bars.add(new Bar("platform-reported", 0, platform, true));
    }
    long max = Math.max(1, bars.stream().mapToLong(b -> Math.max(b.from(), b.to())).max().orElse(1));
    double slot = (WIDTH - 2.0 * MARGIN) / bars.size();
    StringBuilder svg = open("Backend orders to Truecount to platform-reported");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double x = MARGIN + i * slot + slot * 0.15;
      double top = y(Math.max(b.from(), b.to()), max);
      double bottom = y(Math.min(b.from(), b.to()), max);
      String colour = b.total() ? "#4a6fa5" : b.to() < b.from() ? "#c0504d" : "#9bbb59";
      svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s: %d → %d</title></rect>%n", x, top,
          slot * 0.7, Math.max(1, bottom - top), colour, escape(b.label()), b.from(), b.to()));
      svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' font-size='11' text-anchor='middle'>%s</text>%n", x + slot * 0.35, top - 4,
          b.total() ? Long.toString(b.to()) : String.format("%+d", b.to() - b.from())));
      svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='end' transform='rotate(-35 %.1f %d)'>%s</text>%n", x + slot * 0.35,
          HEIGHT - BOTTOM + 14, x + slot * 0.35, HEIGHT - BOTTOM + 14, escape(b.label())));
    }
    return close(svg);
  }

  /** Daily lines: rows of {date, backend, truecount, platform}. */
  public static String daily(List<String> dates, long[][] series) {
    String[] names = {"backend orders", "Truecount", "platform-reported"};
    String[] colours = {"#4a6fa5", "#9bbb59", "#c0504d"};
    long max = 1;
    for (long[] day : series) {
      for (long v : day) {
        max = Math.max(max, v);
      }
    }
    StringBuilder svg = open("Per day: backend orders, Truecount, platform-reported");
    double step = dates.size() <= 1 ? 0 : (WIDTH - 2.0 * MARGIN) / (dates.size() - 1);
    for (int s = 0; s < names.length; s++) {
      StringBuilder points = new StringBuilder();
      for (int d = 0; d < dates.size(); d++) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", MARGIN + d * step, y(series[d][s], max)));
      }
      svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2' points='%s'><title>%s</title></polyline>%n", colours[s], points.toString().trim(), names[s]));
      svg.append(String.format(Locale.ROOT, "<text x='%d' y='%d' font-size='11' fill='%s'>%s</text>%n", MARGIN + s * 160, 16, colours[s], names[s]));
    }
    for (int d = 0; d < dates.size(); d++) {
      svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>%n", MARGIN + d * step, HEIGHT - BOTTOM + 14,
          dates.get(d).substring(5)));
    }
    return close(svg);
  }

  private static double y(long value, long max) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - 30.0) * value / max;
  }

  private static StringBuilder open(String title) {
    return new StringBuilder(String.format("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' role='img' aria-label='%s'><title>%s</title>%n"
        + "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#888'/>%n", WIDTH, HEIGHT, escape(title), escape(title), MARGIN, HEIGHT - BOTTOM, WIDTH - MARGIN, HEIGHT - BOTTOM));
  }

  private static String close(StringBuilder svg) {
    return svg.append("</svg>\n").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
