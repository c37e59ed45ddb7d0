package io.truecount.core.trust;

import java.util.List;

/** A step of the seed's 5-step checklist: its verdict, the evidence behind it and the fix in plain words. */
public record Step(int number, String title, Verdict verdict, String summary, List<String> evidence, String fix) {
  public Step {
    evidence = List.copyOf(evidence);
  }
}
