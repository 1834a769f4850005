/**
 * Every card socbot can answer with, from real Sections (the demo workspace's answers and investigations, an
 * unknown id, a bad command, an export; the FTP -s alert investigated on msticpy's data): each validates against
 * the focused Adaptive Card 1.5 schema and the SDK's parser, stays within Teams' 28 KB, and uses the template of
 * its Section kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '../../../src/core/section.js';
import { cardBudgets } from '../../../src/render/adaptive-card/card-budget.js';
import { cardBytes, sectionToCard } from '../../../src/render/adaptive-card/render-card.js';
import { sectionView, viewFor } from '../../../src/render/adaptive-card/section-views.js';
import { hasSharedData } from '../../helpers/shared-data.js';
import { cardProblems } from './card-checks.js';
import { type Answer, demoAnswers, ftpInvestigation } from './real-sections.js';

const templateOf = (section: Section) => sectionView(section, cardBudgets[0]!).template;

describe('cards for every demo answer', () => {
  let answers: Answer[];

  beforeAll(async () => {
    answers = await demoAnswers((ids) => (ids[0] ? [`export ${ids[0]} md`] : []));
  });

  it('covers help, alerts, every top alert and its investigation, errors and an export', () => {
    const ids = new Set(answers.flatMap((a) => a.sections.map((s) => s.id)));
    for (const id of ['help', 'alerts-overview', 'alerts-top', 'error', 'alert-summary', 'process-tree', 'verdict']) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain('export');
    expect(answers.filter((a) => a.command.startsWith('investigate ')).length).toBeGreaterThanOrEqual(5);
  });

  it('every card passes the schema, the SDK parser and the structure checks, within 28 KB', () => {
    let cards = 0;
    for (const answer of answers) {
      for (const section of answer.sections) {
        const card = sectionToCard(section);
        expect(cardProblems(card), `${answer.command} → ${section.id}`).toEqual([]);
        expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
        cards += 1;
      }
    }
    expect(cards).toBeGreaterThan(100);
  });

  it('gives each Section kind its own layout', () => {
    const sections = answers.flatMap((a) => a.sections);
    const byId = (id: string) => sections.find((s) => s.id === id)!;
    expect(templateOf(byId('help'))).toBe('help');
    expect(templateOf(byId('alert-summary'))).toBe('alert-summary');
    expect(templateOf(byId('investigation'))).toBe('alert-summary');
    expect(templateOf(byId('process-tree'))).toBe('process-tree');
    expect(templateOf(byId('verdict'))).toBe('verdict');
    expect(templateOf(byId('error'))).toBe('error');
    for (const id of ['alerts-top', 'related-alerts', 'host-processes', 'host-logons', 'iocs', 'failed-logons']) {
      expect(templateOf(byId(id)), id).toBe('table');
    }
    expect(templateOf(byId('alert-details'))).toBe('generic');
    expect(viewFor({ ...byId('alert-details'), id: 'some-future-step' })).toBe(viewFor(byId('alert-details')));
  });

  it('buttons submit the command to run, the first one highlighted when the step says so', () => {
    const top = answers.find((a) => a.command === 'alerts last 7d')!.sections.find((s) => s.id === 'alerts-top')!;
    const actions = sectionToCard(top).actions as { type: string; style?: string; data: { command: string } }[];
    expect(actions[0]).toMatchObject({ type: 'Action.Submit', style: 'positive' });
    expect(actions.map((a) => a.data.command)).toEqual(top.actions.map((a) => a.command));
  });

  it('the export answer ends with a card naming the attached file', () => {
    const exported = answers.find((a) => a.command.startsWith('export '))!.sections.at(-1)!;
    const text = JSON.stringify(sectionToCard(exported));
    expect(text).toMatch(/socbot-[\w-]+-\d{8}-\d{4}\.md/);
    expect(text).toContain('text/markdown');
  });
});

describe.skipIf(!hasSharedData)('cards of the FTP -s alert investigation (msticpy data)', () => {
  let sections: Section[];

  beforeAll(async () => {
    sections = await ftpInvestigation();
  });

  it('every card is valid and within 28 KB, the biggest ones shortened and saying so', () => {
    for (const section of sections) {
      const card = sectionToCard(section);
      expect(cardProblems(card), section.id).toEqual([]);
      expect(cardBytes(card)).toBeLessThanOrEqual(28_000);
    }
    // 137 related alerts in two tables do not fit a card whole: rows go first, and the card says so.
    const related = JSON.stringify(sectionToCard(sections.find((s) => s.id === 'related-alerts')!));
    expect(related).toContain("Shortened to fit Teams' card size limit");
    expect(related).toMatch(/more rows? not shown \(137 in all\)/);
  });

  it('the process tree highlights ftp.exe, the alert process, and keeps its parent', () => {
    const card = JSON.stringify(sectionToCard(sections.find((s) => s.id === 'process-tree')!));
    const highlighted = [
      ...card.matchAll(/"text":"([^"]*)","fontType":"Monospace","size":"Small","weight":"Bolder","color":"Attention"/g),
    ];
    expect(highlighted.map((m) => m[1]).join(' ')).toContain('ftp.exe [PID: 0x1580');
    expect(card).toContain('[parent:lev1]');
    expect(card).toMatch(/tree lines not shown here/);
  });
});
