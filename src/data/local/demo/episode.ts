/**
 * An episode is one burst of related background events on a host (a WMI provider start, a user opening Excel,
 * a nightly backup): the unit the background stream is made of.
 */
import type { EventWriter } from './event-writer.js';
import type { HostActivity } from './host-activity.js';

/** Writes one burst of related events on `host` starting at `timeMs`. */
export type Episode = (writer: EventWriter, host: HostActivity, timeMs: number) => void;
