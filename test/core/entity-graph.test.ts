import { describe, expect, it } from 'vitest';
import { type AlertRecord, parseAlert } from '../../src/core/alert.js';
import type { Entity } from '../../src/core/entity.js';
import { describeEntity } from '../../src/core/entity-describe.js';
import { alertEntityGraph } from '../../src/core/entity-graph.js';
import type { GraphSpec } from '../../src/core/section.js';
import { hasCases, loadCases } from './security-alert-cases.js';

// Deliberate difference: msticpy names an entity without a Name `registry-value: None` (Python's None).
const withoutPythonNone = (name: string) => name.replace(/: None$/, '');

const sortedPairs = (edges: readonly (readonly [string, string])[]) =>
  edges.map(([a, b]) => (a < b ? `${a} | ${b}` : `${b} | ${a}`)).sort();

const graphPairs = (graph: GraphSpec) => sortedPairs(graph.edges.map((edge) => [edge.from, edge.to] as const));

function alertOf(entities: object[], extra: AlertRecord = {}): ReturnType<typeof parseAlert> {
  return parseAlert({ SystemAlertId: 'x', AlertType: 'TestAlert', Entities: JSON.stringify(entities), ...extra });
}

describe.skipIf(!hasCases)("alertEntityGraph matches msticpy's create_alert_graph", () => {
  for (const testCase of loadCases()) {
    const expected = testCase.observed.alert_graph;
    const renamed = expected.nodes.some((node) => node !== withoutPythonNone(node));
    const note = renamed ? ' (deliberate difference: no Python "None" in names)' : '';
    it(`${testCase.id}: nodes and edges${note}`, () => {
      const alert = parseAlert(testCase.input_alert_row);
      const graph = alertEntityGraph(alert);
      expect(graph.nodes.map((node) => node.id).sort()).toEqual(expected.nodes.map(withoutPythonNone).sort());
      const expectedEdges = expected.edges.map(([a, b]) => [withoutPythonNone(a), withoutPythonNone(b)] as const);
      expect(graphPairs(graph)).toEqual(sortedPairs(expectedEdges));
      expect(graph.nodes[0]).toEqual({ id: alert.alertType, label: alert.alertType, kind: 'alert', highlight: true });
      for (const node of graph.nodes.slice(1)) expect(alert.entities.map((e) => e.type)).toContain(node.kind);
    });
  }

  it('edges from an entity to what it refers to carry the property name, pointing away from the referrer', () => {
    const sample = loadCases().find((testCase) => testCase.id === 'alertlist_row_101')!;
    const graph = alertEntityGraph(parseAlert(sample.input_alert_row));
    expect(graph.edges).toContainEqual({
      from: 'process: c:\\diagnostics\\usertmp\\ftp.exe [0x1580]',
      to: 'file: c:\\diagnostics\\usertmp\\ftp.exe',
      label: 'ImageFile',
    });
    expect(graph.edges).toContainEqual({
      from: 'host-logon-session',
      to: 'account: MSTICAlertsWin1\\MSTICAdmin',
      label: 'Account',
    });
  });
});

describe('alertEntityGraph details', () => {
  const host = { $id: '1', Type: 'host', HostName: 'WIN1', DnsDomain: 'contoso.com' };
  const account = { $id: '2', Type: 'account', Name: 'ian', NTDomain: 'DOM', Host: { $ref: '1' } };
  const file = { $id: '3', Type: 'file', Directory: 'c:\\x', Name: 'ftp.exe' };
  const process = { $id: '4', Type: 'process', ProcessId: '0x1', ImageFile: { $ref: '3' }, Account: { $ref: '2' } };

  it('related alerts hang on the matched entity, else on the host; repeats share one counted node', () => {
    const graph = alertEntityGraph(alertOf([host, account, file, process]), [
      { alertType: 'Brute force', matchedEntityName: 'account: DOM\\IAN' },
      { alertType: 'Brute force', matchedEntityName: 'process: c:\\x\\ftp.exe' },
      { alertType: 'Odd login' },
    ]);
    expect(graph.nodes.filter((node) => node.kind === 'related-alert')).toEqual([
      { id: 'Brute force(R)', label: 'Brute force(R) ×2', kind: 'related-alert' },
      { id: 'Odd login(R)', label: 'Odd login(R)', kind: 'related-alert' },
    ]);
    expect(graph.edges.filter((edge) => edge.label === 'related')).toEqual([
      { from: 'account: DOM\\ian', to: 'Brute force(R)', label: 'related' },
      { from: 'process: c:\\x\\ftp.exe [0x1]', to: 'Brute force(R)', label: 'related' },
      { from: 'host: WIN1.contoso.com', to: 'Odd login(R)', label: 'related' },
    ]);
  });

  it('without a host node, related alerts link to the alert (msticpy would leave them unlinked)', () => {
    const graph = alertEntityGraph(alertOf([file]), [{ alertType: 'Other' }]);
    expect(graph.edges).toContainEqual({ from: 'TestAlert', to: 'Other(R)', label: 'related' });
  });

  it("keeps msticpy's order rule: an entity referred to only by an earlier one keeps its alert edge", () => {
    const forward = alertEntityGraph(alertOf([{ ...process, Account: undefined }, file]));
    expect(graphPairs(forward)).toEqual(
      sortedPairs([
        ['TestAlert', 'process: c:\\x\\ftp.exe [0x1]'],
        ['process: c:\\x\\ftp.exe [0x1]', 'file: c:\\x\\ftp.exe'],
        ['TestAlert', 'file: c:\\x\\ftp.exe'],
      ]),
    );
  });

  it('lists of references and references to hosts add no edges; self-references add no loop', () => {
    const self = { $id: '5', Type: 'process', ProcessId: '9', ParentProcess: { $ref: '5' }, Host: { $ref: '1' } };
    const hashes = { $id: '6', Type: 'file', Name: 'a.exe', FileHashes: [{ $ref: '7' }] };
    const hash = { $id: '7', Type: 'filehash', Algorithm: 'SHA256', Value: 'AB' };
    const graph = alertEntityGraph(alertOf([host, self, hashes, hash]));
    expect(graphPairs(graph)).toEqual(
      sortedPairs([
        ['TestAlert', 'host: WIN1.contoso.com'],
        ['TestAlert', 'process: unknown [9]'],
        ['TestAlert', 'file: a.exe'],
        ['TestAlert', 'filehash'],
      ]),
    );
  });
});

describe('describeEntity (msticpy graph node names)', () => {
  const named = (entity: Omit<Entity, 'id'>) => describeEntity({ id: '1', ...entity }, { entities: [] });

  it.each([
    [{ type: 'host', properties: { HostName: 'WIN1', NTDomain: 'DOM' } }, 'host: DOM/WIN1'],
    [{ type: 'host', properties: { HostName: 'WIN1', DnsDomain: '', NTDomain: '' } }, 'host: WIN1'],
    [{ type: 'account', properties: { Name: 'ADMIN', NTDomain: '' } }, 'account: ADMIN'],
    [{ type: 'account', properties: { AadUserId: 'a-b-c', NTDomain: 'DOM' } }, 'account: DOM\\a-b-c'],
    [{ type: 'account', properties: {} }, 'account: unknown'],
    [
      { type: 'process', properties: { ImageFile: { Directory: '/usr/bin', Name: 'wget' } } },
      'process: /usr/bin/wget [PID unknown]',
    ],
    [{ type: 'dns', properties: { DomainName: 'evil.example' } }, 'dns: evil.example'],
    [{ type: 'malware', properties: { Name: 'Petya' } }, 'malware: Petya'],
    [{ type: 'url', properties: { Url: 'http://x' } }, 'url'],
    [{ type: 'registry-value', properties: { Name: null } }, 'registry-value'],
  ])('%o → %s', (entity, name) => {
    expect(named(entity)).toBe(name);
  });
});
