package io.truecount.core;

import java.util.Map;
import java.util.Set;

/** TikTok's standard event names (spec §4), legacy aliases, and which ones are business events. */
public final class EventNames {
  public static final String PAGEVIEW = "Pageview";

  public static final Set<String> WEB_STANDARD =
      Set.of(
          "AddPaymentInfo", "AddToCart", "AddToWishlist", "ApplicationApproval",
          "CompleteRegistration", "Contact", "CustomizeProduct", "Download", "FindLocation",
          "InitiateCheckout", "Lead", "Purchase", "Schedule", "Search", "StartTrial",
          "SubmitApplication", "Subscribe", "ViewContent", "ClickButton", "PlaceAnOrder",
          "CompletePayment", "SubmitForm");

  public static final Set<String> APP_STANDARD =
      Set.of(
          "AchieveLevel", "AddPaymentInfo", "AddToCart", "AddToWishlist", "Checkout",
          "CompleteTutorial", "CreateGroup", "CreateRole", "GenerateLead", "InAppADClick",
          "InAppADImpr", "InstallApp", "JoinGroup", "LaunchAPP", "LoanApplication", "LoanApproval",
          "LoanDisbursal", "Login", "Purchase", "Rate", "Registration", "Search", "SpendCredits",
          "StartTrial", "Subscribe", "UnlockAchievement", "ViewContent");

  private static final Map<String, String> LEGACY = Map.of("CompletePayment", "Purchase", "SubmitForm", "Lead");

  /** Events whose business meaning is revenue: a test of them checks value and currency. */
  public static final Set<String> VALUE_EVENTS =
      Set.of("Purchase", "CompletePayment", "PlaceAnOrder", "Subscribe", "Checkout");

  /** Every standard name, each mapped to itself. */
  private static final Map<String, String> CANONICAL = canonicalNames();

  private EventNames() {}

  /**
   * The shared constant for a standard name, else {@code raw}. The edge stores events with it, so
   * the pipeline's many lookups by event name hash a string already hashed and in cache instead of
   * each event's own copy from the parser (its first hash a cache miss on the pipeline's core).
   */
  public static String canonical(String raw) {
    return CANONICAL.getOrDefault(raw, raw);
  }

  private static Map<String, String> canonicalNames() {
    Map<String, String> names = new java.util.HashMap<>();
    WEB_STANDARD.forEach(n -> names.put(n, n));
    APP_STANDARD.forEach(n -> names.put(n, n));
    names.put(PAGEVIEW, PAGEVIEW);
    return Map.copyOf(names);
  }

  public static String reportedName(String raw) {
    return LEGACY.getOrDefault(raw, raw);
  }

  public static boolean isPageEvent(String raw) {
    return PAGEVIEW.equals(raw);
  }

  public static boolean isStandard(String raw) {
    return WEB_STANDARD.contains(raw) || APP_STANDARD.contains(raw) || PAGEVIEW.equals(raw);
  }

  public static boolean isValueEvent(String raw) {
    return VALUE_EVENTS.contains(raw);
  }
}
