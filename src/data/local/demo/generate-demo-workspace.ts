/**
 * The deterministic demo workspace: a week of Windows security events for a small AD domain, five planted
 * attacks with their SecurityAlerts, and a few benign alerts. Pure: the same options give byte-identical rows;
 * no clock, no I/O, all randomness from the seed.
 *
 * `events()` yields the stories' events first (a few hundred rows, fixed by the seed, independent of
 * `options.events`), then exactly `options.events` background rows, in batches of at most 10 000. Time order
 * holds within the stories' batch and roughly within the background stream, not across batches.
 */
import { SocbotError } from '../../../core/errors.js';
import type { SecurityEventRow, StoredSecurityAlert } from '../../../core/rows.js';
import { backgroundEvents } from './background-activity.js';
import { coreHostCount, createCatalog } from './host-catalog.js';
import { RandomSource } from './random-source.js';
import { plantAdminRecon, plantAscTest, plantRareServiceGroup } from './story-benign-alerts.js';
import { plantCredentialDump } from './story-credential-dump.js';
import { plantCryptoMiner } from './story-crypto-miner.js';
import { plantEncodedPowerShell } from './story-encoded-powershell.js';
import { plantPasswordSpray } from './story-password-spray.js';
import { plantScheduledTask } from './story-scheduled-task.js';
import { type PlantedStory, StoryStage } from './story-stage.js';

/** What to generate. */
export interface DemoOptions {
  /** Background events; the stories' own events come on top (see `storyEventCount`). */
  events: number;
  seed: number;
  /** The data covers the 7 days before this instant. */
  end: Date;
  /** Hosts in the domain: at least 8 (the stories' hosts), default 8; extra ones are workstations. */
  hosts?: number;
}

/** The generated workspace. */
export interface DemoWorkspace {
  alerts: StoredSecurityAlert[];
  /** Story events first, then `options.events` background events; batches of ≤ 10 000; repeatable. */
  events(): Generator<SecurityEventRow[]>;
  stories: PlantedStory[];
  /** How many rows the stories add to `options.events`. */
  storyEventCount: number;
}

export const demoBatchSize = 10_000;
const dayMs = 86_400_000;
export const demoSpanMs = 7 * dayMs;
const maxHosts = 2_000;

function validate(options: DemoOptions): number {
  const { events, seed, end } = options;
  const hosts = options.hosts ?? coreHostCount;
  const bad = (message: string, hint: string) => new SocbotError('BadInput', message, { hint });
  if (!Number.isSafeInteger(events) || events < 0)
    throw bad(`events must be a whole number ≥ 0, not ${events}`, 'e.g. --events 1000000');
  if (!Number.isFinite(seed)) throw bad(`seed must be a number, not ${seed}`, 'e.g. --seed 42');
  if (!(end instanceof Date) || Number.isNaN(end.getTime()))
    throw bad('end must be a valid date', 'e.g. --end 2024-06-01T00:00:00Z');
  if (!Number.isSafeInteger(hosts) || hosts < coreHostCount || hosts > maxHosts) {
    throw bad(
      `hosts must be a whole number from ${coreHostCount} to ${maxHosts}, not ${hosts}`,
      `the stories need the ${coreHostCount} core hosts`,
    );
  }
  return hosts;
}

/** A story and the hours it occupies on its day (`endHour` past 24 runs into the next day). */
interface StorySlot {
  readonly plant: (stage: StoryStage, dayStart: number) => void;
  readonly fromHour: number;
  readonly endHour: number;
}

const attacks: readonly StorySlot[] = [
  { plant: plantCryptoMiner, fromHour: 19, endHour: 25 },
  { plant: plantEncodedPowerShell, fromHour: 7, endHour: 12 },
  { plant: plantCredentialDump, fromHour: 1, endHour: 4 },
  { plant: plantPasswordSpray, fromHour: 1, endHour: 3 },
];
const persistence: StorySlot = {
  plant: (stage, day) => plantScheduledTask(stage, day, day + dayMs),
  fromHour: 7,
  endHour: 34,
};
const benign: readonly StorySlot[] = [
  { plant: plantAdminRecon, fromHour: 10, endHour: 16 },
  { plant: plantAscTest, fromHour: 7, endHour: 17 },
  { plant: plantRareServiceGroup, fromHour: 0, endHour: 24 },
];

/**
 * Plants every story. One attack lands in the last 24 hours, so `alerts` (default: last 24 h) shows it: the
 * first, in seeded order, whose hours fit there (the phishing or the lsass dump always does). The other attacks
 * get their own earlier days; benign alerts fall on any day.
 */
function plantStories(stage: StoryStage): void {
  const order = stage.random.sample(attacks, attacks.length);
  const recent = order.find((slot) => stage.fitsLastDay(slot.fromHour, slot.endHour)) ?? (order[0] as StorySlot);
  recent.plant(stage, stage.latestDay(recent.endHour));
  const earlier = [...order.filter((slot) => slot !== recent), persistence];
  const daysBack = stage.random.sample([1, 2, 3, 4], earlier.length);
  earlier.forEach((slot, i) => {
    slot.plant(stage, stage.latestDay(slot.endHour, daysBack[i]));
  });
  for (const slot of benign) slot.plant(stage, stage.latestDay(slot.endHour, stage.random.int(0, 4)));
}

/** Generates the demo workspace for `options` (throws `BadInput` for invalid options). */
export function generateDemoWorkspace(options: DemoOptions): DemoWorkspace {
  const hosts = validate(options);
  const endMs = options.end.getTime();
  const catalog = createCatalog(new RandomSource(options.seed, 'catalog'), hosts, endMs - demoSpanMs, endMs);
  const stage = new StoryStage(catalog, new RandomSource(options.seed, 'stories'));
  plantStories(stage);
  const storyEvents = [...stage.events].sort((a, b) => a.TimeGenerated.getTime() - b.TimeGenerated.getTime());
  const footprints = stage.footprints();
  const alerts = [...stage.alerts].sort((a, b) => a.TimeGenerated.getTime() - b.TimeGenerated.getTime());
  return {
    alerts,
    stories: stage.stories,
    storyEventCount: storyEvents.length,
    *events() {
      for (let i = 0; i < storyEvents.length; i += demoBatchSize) yield storyEvents.slice(i, i + demoBatchSize);
      yield* backgroundEvents({
        catalog,
        seed: options.seed,
        count: options.events,
        batchSize: demoBatchSize,
        footprints,
      });
    },
  };
}
