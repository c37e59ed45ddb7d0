package io.truecount.core.ads;

/** {@code EVERY} conversion counts, or only the first ({@code ONCE}) per credited touch and event. */
public enum CountMode {
  EVERY,
  ONCE
}
