/**
 * Step 1–2 of the playbook: the alert's properties, extended properties, entities and entity graph — the same
 * Sections `alert <id>` answers with.
 */
import { alertSummarySections } from '../commands/show-alert.js';
import type { Step } from '../step.js';

/** The alert summary step (needs nothing: every alert has a summary). */
export const alertSummaryStep: Step = {
  id: 'alert-summary',
  title: 'Alert summary',
  needs: [],
  async run(ctx) {
    return { sections: alertSummarySections(ctx.alert) };
  },
};
