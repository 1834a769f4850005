/**
 * The playbook runs investigation steps on one alert: independent steps concurrently, each with a deadline,
 * each failure contained in its own Section. It reports progress as steps start and finish.
 */
import type { Alert } from '../core/alert.js';
import { isSocbotError } from '../core/errors.js';
import { problemSection, type Section, section } from '../core/section.js';
import type { RelativeWindow } from '../core/time-window.js';
import type { QueryName, QueryParams } from '../data/catalog.js';
import type { QueryResult } from '../data/provider.js';
import type { CommandContext } from './context.js';
import { type Finding, missingNeed, type Step, type StepId } from './step.js';

/** A progress event, for the "working on it" line channels keep updating. */
export type ProgressEvent =
  | { type: 'started'; stepId: StepId; title: string }
  | { type: 'finished'; stepId: StepId; title: string; ms: number; sections: Section[] }
  | { type: 'failed'; stepId: StepId; title: string; ms: number; reason: string; sections: Section[] }
  | { type: 'skipped'; stepId: StepId; title: string; reason: string; sections: Section[] };

export interface PlaybookOptions {
  window?: RelativeWindow;
  /** Longest a step may run before it is reported as timed out. */
  stepTimeoutMs?: number;
  /** Steps running at the same time. */
  concurrency?: number;
  onProgress?: (event: ProgressEvent) => void;
}

const defaultStepTimeoutMs = 30_000;
const defaultConcurrency = 4;

/** Memoises queries per investigation, so steps asking the same question share one answer. */
function memoisedQuery(ctx: CommandContext) {
  const cache = new Map<string, Promise<QueryResult<QueryName>>>();
  return <Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<QueryResult<Q>> => {
    const key = `${name}:${JSON.stringify(params)}`;
    let result = cache.get(key);
    if (!result) {
      result = ctx.data.run(name, params, ctx.signal ? { signal: ctx.signal } : {}) as Promise<QueryResult<QueryName>>;
      cache.set(key, result);
      // A failed query is not cached: a later step may retry it.
      result.catch(() => cache.delete(key));
    }
    return result as Promise<QueryResult<Q>>;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class StepTimeout extends Error {}

function failureSection(step: Step, error: unknown, correlationId: string): Section {
  if (error instanceof StepTimeout) {
    return problemSection(step.id, step.title, {
      code: 'Timeout',
      message: error.message,
      hint: 'Try a shorter time window, or run this step alone later.',
    });
  }
  if (isSocbotError(error)) {
    return problemSection(step.id, step.title, {
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
    });
  }
  return problemSection(step.id, step.title, {
    code: 'Unexpected',
    message: 'This step failed unexpectedly; the other steps are not affected.',
    hint: `Reference ${correlationId} is in the server log.`,
    correlationId,
  });
}

/**
 * Shows a step's suspicious findings at the top of its first Section, so an analyst reading only that step sees
 * them too (the verdict gathers them all at the end).
 */
function withFindings(sections: Section[], stepFindings: readonly Finding[]): Section[] {
  const suspicious = stepFindings.filter((f) => f.leaning === 'malicious');
  const [first, ...rest] = sections;
  if (!first || suspicious.length === 0) return sections;
  const markdown = suspicious.map((f) => `⚠️ **${f.reason}**`).join('\n\n');
  return [
    {
      ...first,
      tone: first.tone && first.tone !== 'default' ? first.tone : 'warning',
      blocks: [{ kind: 'text', markdown }, ...first.blocks],
    },
    ...rest,
  ];
}

/** Runs the steps on the alert and returns their Sections in step order. */
export async function runPlaybook(
  steps: readonly Step[],
  alert: Alert,
  ctx: CommandContext,
  options: PlaybookOptions = {},
): Promise<Section[]> {
  const emit = options.onProgress ?? (() => undefined);
  const query = memoisedQuery(ctx);
  // Kept per step and read in playbook order, so the verdict lists them the same way however steps interleave.
  const findingsByStep = new Map<StepId, readonly Finding[]>();
  const findingsSoFar = () => steps.flatMap((s) => findingsByStep.get(s.id) ?? []);
  const results = new Map<StepId, Section[]>();
  const done = new Map<StepId, Promise<void>>();
  const limit = Math.max(1, options.concurrency ?? defaultConcurrency);
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };

  const runStep = async (step: Step): Promise<void> => {
    // Yield once so every step is registered in `done` before any looks up what it runs after.
    await Promise.resolve();
    await Promise.all((step.after ?? []).map((id) => done.get(id)));
    const reason = missingNeed(step, alert);
    if (reason) {
      const sections = [
        section({
          id: step.id,
          title: step.title,
          status: 'skipped',
          blocks: [{ kind: 'text', markdown: `Skipped: ${reason}.` }],
        }),
      ];
      results.set(step.id, sections);
      emit({ type: 'skipped', stepId: step.id, title: step.title, reason, sections });
      return;
    }
    await slot();
    const started = performance.now();
    emit({ type: 'started', stepId: step.id, title: step.title });
    try {
      const output = await withTimeout(
        step.run({
          ...ctx,
          alert,
          query,
          findings: findingsSoFar(),
          ...(options.window ? { window: options.window } : {}),
        }),
        options.stepTimeoutMs ?? defaultStepTimeoutMs,
        step.title,
      );
      findingsByStep.set(step.id, output.findings ?? []);
      // Channels stream exactly what the final answer holds, findings banner included.
      const shown = withFindings(output.sections, output.findings ?? []);
      results.set(step.id, shown);
      emit({ type: 'finished', stepId: step.id, title: step.title, ms: performance.now() - started, sections: shown });
    } catch (error) {
      ctx.log.warn({ correlationId: ctx.correlationId, step: step.id, err: error }, 'investigation step failed');
      const sections = [failureSection(step, error, ctx.correlationId)];
      results.set(step.id, sections);
      const message = sections[0]?.problem?.message ?? 'failed';
      emit({
        type: 'failed',
        stepId: step.id,
        title: step.title,
        ms: performance.now() - started,
        reason: message,
        sections,
      });
    } finally {
      release();
    }
  };

  for (const step of steps) done.set(step.id, runStep(step));
  await Promise.all(done.values());
  return steps.flatMap((step) => results.get(step.id) ?? []);
}
