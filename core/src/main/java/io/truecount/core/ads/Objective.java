package io.truecount.core.ads;

/** A campaign's objective, by TikTok's API names. */
public enum Objective {
  SALES,
  LEAD_GENERATION,
  APP_PROMOTION,
  TRAFFIC,
  ENGAGEMENT,
  REACH,
  VIDEO_VIEWS
}
