/**
 * Maps "how far through the event budget" to a time, with more activity in office hours than at night or at
 * weekends. Because the time comes from the fraction of events already written, the data always spans the whole
 * range whatever the event count, and the generator never needs to know in advance how many events an episode
 * will write.
 */

const hourMs = 3_600_000;

/** Relative activity of the hour starting at `ms` (UTC): weekdays 07–18 busiest. */
export function hourWeight(ms: number): number {
  const date = new Date(ms);
  const day = date.getUTCDay();
  const hour = date.getUTCHours();
  if (day === 0 || day === 6) return 1;
  if (hour >= 7 && hour < 19) return 3;
  if (hour >= 19 && hour < 23) return 1.4;
  return 1;
}

/** A monotone fraction → time mapping over `[startMs, endMs)`; query it with non-decreasing fractions. */
export class ActivityClock {
  private readonly weights: number[] = [];
  private readonly cumulative: number[] = [0];
  private hour = 0;

  constructor(
    private readonly startMs: number,
    private readonly endMs: number,
  ) {
    for (let ms = startMs; ms < endMs; ms += hourMs) {
      const weight = hourWeight(ms) * (Math.min(ms + hourMs, endMs) - ms);
      this.weights.push(weight);
      this.cumulative.push((this.cumulative.at(-1) as number) + weight);
    }
  }

  /** The time by which `fraction` (0…1) of the activity has happened. */
  timeAt(fraction: number): number {
    const total = this.cumulative.at(-1) as number;
    const target = Math.min(Math.max(fraction, 0), 1) * total;
    while (this.hour < this.weights.length - 1 && (this.cumulative[this.hour + 1] as number) < target) this.hour++;
    const weight = this.weights[this.hour] as number;
    const within = weight > 0 ? (target - (this.cumulative[this.hour] as number)) / weight : 0;
    const hourStart = this.startMs + this.hour * hourMs;
    const hourEnd = Math.min(hourStart + hourMs, this.endMs);
    return Math.min(hourStart + within * (hourEnd - hourStart), this.endMs - 1);
  }
}
