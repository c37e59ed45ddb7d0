package io.truecount.core.ads;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An ad group's attribution settings (frozen once the ad group is published). */
public record AttributionSettings(AttributionWindow click, AttributionWindow view, AttributionWindow engagedView, CountMode count) {
  public static final AttributionSettings DEFAULT =
      new AttributionSettings(AttributionWindow.SEVEN_DAYS, AttributionWindow.ONE_DAY, AttributionWindow.ONE_DAY, CountMode.EVERY);

  private static final Set<AttributionWindow> CLICK = Set.of(AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS,
      AttributionWindow.FOURTEEN_DAYS, AttributionWindow.TWENTY_EIGHT_DAYS);
  private static final Set<AttributionWindow> VIEW = Set.of(AttributionWindow.OFF, AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS);

  public AttributionSettings {
    requireNonNull(click, "click is null");
    requireNonNull(view, "view is null");
    requireNonNull(engagedView, "engagedView is null");
    requireNonNull(count, "count is null");
  }

  /** The values TikTok allows: click 1/7/14/28 days, view off/1/7, engaged view off/1/7/28. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!CLICK.contains(click)) {
      problems.add("click_attribution_window " + click + ": must be one of ONE_DAY, SEVEN_DAYS, FOURTEEN_DAYS, TWENTY_EIGHT_DAYS");
    }
    if (!VIEW.contains(view)) {
      problems.add("view_attribution_window " + view + ": must be one of OFF, ONE_DAY, SEVEN_DAYS");
    }
    if (engagedView == AttributionWindow.FOURTEEN_DAYS) {
      problems.add("engaged_view_attribution_window " + engagedView + ": must be one of OFF, ONE_DAY, SEVEN_DAYS, TWENTY_EIGHT_DAYS");
    }
    return problems;
  }

  public AttributionWindow window(TouchKind kind) {
    return switch (kind) {
      case CLICK -> click;
      case ENGAGED_VIEW -> engagedView;
      case VIEW -> view;
    };
  }

  public Duration length(TouchKind kind) {
    return window(kind).length();
  }
}
