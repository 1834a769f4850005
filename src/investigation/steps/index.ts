/**
 * The playbook's steps, in the order an investigation shows them (DESIGN §2). Adding a step = one file here
 * and one line in this array.
 */
import type { Step, StepId } from '../step.js';
import { alertSummaryStep } from './alert-summary.js';
import { cmdlineElsewhereStep } from './cmdline-elsewhere.js';
import { failedLogonsStep } from './failed-logons.js';
import { hostLogonsStep } from './host-logons.js';
import { hostProcessesStep } from './host-processes.js';
import { iocsStep } from './iocs.js';
import { processTreeStep } from './process-tree.js';
import { relatedAlertsStep } from './related-alerts.js';
import { threatIntelStep } from './threat-intel.js';
import { verdictStep } from './verdict.js';

/** Every registered step, in playbook order. */
export const playbookSteps: readonly Step[] = [
  alertSummaryStep,
  relatedAlertsStep,
  processTreeStep,
  hostProcessesStep,
  iocsStep,
  threatIntelStep,
  cmdlineElsewhereStep,
  hostLogonsStep,
  failedLogonsStep,
  // Last: it runs after every other step and reads their findings.
  verdictStep,
];

/** The registered step with this id, or undefined when it is not registered (yet). */
export function stepById(id: StepId): Step | undefined {
  return playbookSteps.find((step) => step.id === id);
}
