package io.truecount.core.trust;

/** Hour-bucketed counters of one series over the last 22 days, in rings indexed by epoch hour. */
final class HourlySeries {
  static final int HOURS = AnomalyDetector.HOURS;

  final long[] hour = new long[HOURS];
  final long[] arrivals = new long[HOURS];
  final long[] duplicates = new long[HOURS];
  final long[] missingValue = new long[HOURS];
  final long[] wrongPage = new long[HOURS];
  final double[] keyWeight = new double[HOURS];
  final long[] delayedHour = new long[HOURS];

  int slot(long epochHour) {
    int s = (int) Math.floorMod(epochHour, (long) HOURS);
    if (hour[s] != epochHour) {
      hour[s] = epochHour;
      arrivals[s] = 0;
      duplicates[s] = 0;
      missingValue[s] = 0;
      wrongPage[s] = 0;
      keyWeight[s] = 0;
      delayedHour[s] = 0;
    }
    return s;
  }

  long get(long[] counter, long epochHour) {
    int s = (int) Math.floorMod(epochHour, (long) HOURS);
    return hour[s] == epochHour ? counter[s] : 0;
  }

  double weight(long epochHour) {
    int s = (int) Math.floorMod(epochHour, (long) HOURS);
    return hour[s] == epochHour ? keyWeight[s] : 0;
  }
}
