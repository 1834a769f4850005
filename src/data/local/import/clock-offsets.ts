/**
 * UTC offsets derived from the file itself. Export-WinEvents captures write `TimeCreated` in the host's local time
 * (the newer script even labels it `Z`; the older one used a 12-hour clock without AM/PM). Sysmon events carry
 * both that local `TimeCreated` and a true `UtcTime`, so their difference — rounded to the quarter hour that time
 * zones use — is the host's offset, which then corrects the host's other events.
 */

const quarterHourMs = 15 * 60_000;
const halfDayMs = 12 * 3_600_000;

/** Offset votes and the UTC span of one host's samples. */
class OffsetVotes {
  private readonly counts = new Map<number, number>();
  private minUtc = Number.POSITIVE_INFINITY;
  private maxUtc = Number.NEGATIVE_INFINITY;

  add(offsetMs: number, utcMs: number): void {
    this.counts.set(offsetMs, (this.counts.get(offsetMs) ?? 0) + 1);
    this.minUtc = Math.min(this.minUtc, utcMs);
    this.maxUtc = Math.max(this.maxUtc, utcMs);
  }

  /** The offset most samples agree on, with its vote count. */
  best(): { offsetMs: number; samples: number } | null {
    let best: { offsetMs: number; samples: number } | null = null;
    for (const [offsetMs, samples] of this.counts) {
      if (!best || samples > best.samples) best = { offsetMs, samples };
    }
    return best;
  }

  /** The middle of the sampled UTC span: where a 12-hour clock's events must land. */
  middleUtc(): number {
    return (this.minUtc + this.maxUtc) / 2;
  }
}

/** A derived offset and where it came from. */
export interface DerivedOffset {
  offsetMs: number;
  samples: number;
  /** 'host' when the host had its own Sysmon samples, 'file' when another host's were borrowed. */
  scope: 'host' | 'file';
  middleUtc: number;
}

/** Collects (local, UTC) pairs per host and answers each host's offset. */
export class ClockOffsets {
  private readonly hosts = new Map<string, OffsetVotes>();
  private readonly file = new OffsetVotes();

  /** Records one event that has both its local `TimeCreated` and Sysmon's `UtcTime`. */
  addSample(host: string, wall: Date, utc: Date): void {
    const offsetMs = Math.round((utc.getTime() - wall.getTime()) / quarterHourMs) * quarterHourMs;
    let votes = this.hosts.get(host);
    if (!votes) {
      votes = new OffsetVotes();
      this.hosts.set(host, votes);
    }
    votes.add(offsetMs, utc.getTime());
    this.file.add(offsetMs, utc.getTime());
  }

  /** The host's offset; else the file's (hosts of one capture share a time zone); null without any sample. */
  offsetFor(host: string): DerivedOffset | null {
    const own = this.hosts.get(host);
    const votes = own ?? this.file;
    const best = votes.best();
    return best ? { ...best, scope: own ? 'host' : 'file', middleUtc: votes.middleUtc() } : null;
  }
}

/**
 * Local wall time → UTC with a derived offset. On a 12-hour clock the wall time is ambiguous by 12 hours; the
 * candidate nearest the host's Sysmon samples wins (correct for captures shorter than 12 hours, as these are).
 */
export function localToUtc(wall: Date, offset: DerivedOffset, twelveHourClock: boolean): Date {
  const utc = wall.getTime() + offset.offsetMs;
  if (!twelveHourClock) return new Date(utc);
  const candidates = [utc - halfDayMs, utc, utc + halfDayMs];
  const nearest = candidates.reduce((a, b) =>
    Math.abs(b - offset.middleUtc) < Math.abs(a - offset.middleUtc) ? b : a,
  );
  return new Date(nearest);
}
