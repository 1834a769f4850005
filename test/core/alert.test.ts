import { describe, expect, it } from 'vitest';
import { type AlertRecord, alertQueryParams, parseAlert } from '../../src/core/alert.js';
import { entitiesOfType, entityById, isEntityRef, resolveRef } from '../../src/core/entity.js';
import { describeEntity } from '../../src/core/entity-describe.js';
import { emptyStoredAlert } from '../../src/core/rows.js';
import { hasCases, hasData, loadCases, loadCsvAlerts, loadJsonLines } from './security-alert-cases.js';

// msticpy's query params escape backslashes for KQL literals; socbot leaves escaping to the query layer.
const unescapeKql = (value: string | null | undefined) => value?.replaceAll('\\\\', '\\') ?? null;

describe.skipIf(!hasCases)('parseAlert on msticpy security_alert_cases.json', () => {
  for (const testCase of loadCases()) {
    const { observed } = testCase;
    const alert = parseAlert(testCase.input_alert_row);

    it(`${testCase.id}: entities in msticpy's order and counts by type`, () => {
      expect(alert.warnings).toEqual([]);
      expect(alert.entities).toHaveLength(observed.entity_count);
      expect(alert.entities.map((entity) => entity.type)).toEqual(observed.entities.map((entity) => entity.Type));
      for (const [type, count] of Object.entries(observed.get_entities_of_type_counts)) {
        expect(entitiesOfType(alert, type), type).toHaveLength(count);
      }
      for (const entity of alert.entities) expect(describeEntity(entity, alert)).not.toBe('');
    });

    it(`${testCase.id}: primary host, process and account`, () => {
      expect(alert.hostName).toBe(observed.hostname);
      expect(alert.fqdn).toBe(observed.primary_host?.fqdn ?? null);
      expect(alert.processFilePath).toBe(observed.primary_process?.ProcessFilePath ?? null);
      expect(alert.processName).toBe(observed.primary_process?.ProcessName ?? null);
      expect(alert.processId).toBe(observed.primary_process?.ProcessId ?? null);
      expect(alert.commandLine ?? '').toBe(observed.primary_process?.CommandLine ?? '');
      expect(alert.primaryAccount?.properties.Name ?? null).toBe(observed.primary_account?.Name ?? null);
      expect(alert.accountQualifiedName).toBe(observed.primary_account?.qualified_name ?? null);
      expect(alert.primaryAccount?.properties.LogonId ?? null).toBe(observed.primary_account?.LogonId ?? null);
      expect(alert.logonId).toBe(observed.get_logon_id);
      expect(Object.keys(alert.extendedProperties)).toEqual(observed.extended_properties_keys);
    });

    const family = testCase.intended ?? observed;
    const deviation = testCase.intended ? ' (deliberate difference: msticpy 3.0.2 says Windows, §j.3 bug)' : '';
    it(`${testCase.id}: OS family ${family.os_family}${deviation}`, () => {
      expect(alert.osFamily).toBe(family.os_family);
      expect(alert.pathSeparator).toBe(family.path_separator);
    });

    it(`${testCase.id}: query params (unescaped)${deviation}`, () => {
      const params = alertQueryParams(alert);
      const expected = observed.query_params;
      expect(params).toEqual({
        hostName: observed.hostname,
        fqdn: expected.host_name,
        accountName: expected.account_name,
        processName: unescapeKql(expected.process_name),
        processId: expected.process_id,
        logonSessionId: expected.logon_session_id,
        pathSeparator: testCase.intended?.path_separator ?? unescapeKql(expected.path_separator),
        systemAlertId: expected.system_alert_id,
      });
    });
  }

  it("msticpy's own asserts on its sample alert", () => {
    const sample = loadCases().find((testCase) => testCase.id === 'test_security_alert_sample_alert')!;
    const alert = parseAlert(sample.input_alert_row);
    expect(alert.primaryHost?.properties.HostName).toBe('TESTHOST');
    expect(alert.processFilePath).toBe('c:\\windows\\system32\\reg.exe');
    expect(alert.accountQualifiedName).toBe('DOM\\TESTHOST$');
    expect(alert.logonId).toBe('0x3e7');
    const counts = { file: 4, process: 6, filehash: 1, registryvalue: 2, registrykey: 1, account: 1, host: 1 };
    for (const [type, count] of Object.entries(counts)) expect(entitiesOfType(alert, type)).toHaveLength(count);
    // The inline ImageFile {"$id": "16"} of process 15 became an entity, listed right after its carrier.
    expect(alert.entities.map((entity) => entity.id).slice(11, 13)).toEqual(['15', '16']);
    expect(alert.entities[11]?.properties.ImageFile).toEqual({ ref: '16' });
  });
});

describe.skipIf(!hasData)('parseAlert on the shared alert exports', () => {
  const msticpyRows = hasData ? loadCsvAlerts('msticpy/alertlist.csv') : [];
  const notebookRows = hasData ? loadCsvAlerts('azure-sentinel-notebooks/alertlist.csv') : [];

  it.each([
    ['msticpy/alertlist.csv', msticpyRows],
    ['azure-sentinel-notebooks/alertlist.csv (CR CR LF in cells)', notebookRows],
  ])('%s: all 189 rows parse cleanly, with the primary host and process the alert names', (_name, rows) => {
    expect(rows).toHaveLength(189);
    const typeTotals = new Map<string, number>();
    let processChecks = 0;
    for (const row of rows) {
      const alert = parseAlert(row);
      expect(alert.warnings, row.SystemAlertId).toEqual([]);
      expect(alert.id).toBe(row.SystemAlertId);
      expect(alert.primaryHost !== null).toBe(row.Entities !== '');
      if (row.CompromisedEntity && row.Entities) {
        expect(alert.hostName?.toLowerCase()).toBe(row.CompromisedEntity.toLowerCase());
      }
      const namedProcess = alert.extendedProperties['Suspicious Process'] ?? alert.extendedProperties['process name'];
      if (namedProcess && alert.primaryProcess) {
        expect(alert.processFilePath?.toLowerCase()).toBe(namedProcess.toLowerCase());
        processChecks += 1;
      }
      expect(alert.osFamily).toBe('Windows');
      for (const entity of alert.entities) typeTotals.set(entity.type, (typeTotals.get(entity.type) ?? 0) + 1);
    }
    expect(processChecks).toBeGreaterThan(100);
    // The entity census of the data's PROVENANCE.md.
    expect(Object.fromEntries(typeTotals)).toEqual({
      file: 272,
      process: 272,
      account: 205,
      host: 176,
      'host-logon-session': 137,
      ip: 26,
      'registry-value': 10,
      'registry-key': 5,
    });
  });

  it('both copies of alertlist.csv give the same entities and extended properties', () => {
    msticpyRows.forEach((row, index) => {
      const [a, b] = [parseAlert(row), parseAlert(notebookRows[index]!)];
      expect(b.entities).toEqual(a.entities);
      expect(b.extendedProperties).toEqual(a.extendedProperties);
    });
  });

  it('row 101 is the ftp.exe alert behind process_tree.csv', () => {
    const alert = parseAlert(msticpyRows[101]!);
    expect(alert.id).toBe('2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd');
    expect(alert.alertType).toBe('Detected suspicious use of FTP -s Switch');
    expect(alert.timeGenerated?.toISOString()).toBe('2019-01-15T05:15:20.000Z');
    expect(alert.startTime?.toISOString()).toBe('2019-01-15T05:15:15.000Z');
    expect(alertQueryParams(alert)).toEqual({
      hostName: 'MSTICALERTSWIN1',
      fqdn: 'MSTICALERTSWIN1',
      accountName: 'MSTICAdmin',
      processName: 'c:\\diagnostics\\usertmp\\ftp.exe',
      processId: '0x1580',
      logonSessionId: '0xfaac27',
      pathSeparator: '\\',
      systemAlertId: '2518547714843218505_265472ff-3820-4dad-8da7-00e39e1a99fd',
    });
    expect(alert.commandLine).toBe('.\\ftp  -s:c:\\recycler\\xxppyy.exe');
    expect(alert.properties.map((fact) => fact.label)).not.toContain('Entities');
    expect(alert.properties).toContainEqual({ label: 'TimeGenerated', value: '2019-01-15 05:15:20Z' });
    expect(alert.extendedProperties['Suspicious Process Id']).toBe('0x1580');
  });

  it('localdata/alerts_list.jsonl: 25 rows; the three Linux alerts are Linux (msticpy 3.0.2 says Windows, §j.3)', () => {
    const rows = loadJsonLines('msticpy/localdata/alerts_list.jsonl');
    expect(rows).toHaveLength(25);
    const alerts = rows.map((row) => parseAlert(row));
    for (const alert of alerts) expect(alert.warnings).toEqual([]);
    const linux = alerts.flatMap((alert, index) => (alert.osFamily === 'Linux' ? [index] : []));
    expect(linux).toEqual([20, 21, 22]);
    expect(alerts[20]?.pathSeparator).toBe('/');
    expect(alerts[20]?.processFilePath).toBe('/usr/bin/wget');
    expect(alerts[0]?.timeGenerated?.toISOString()).toBe('2019-02-18T02:29:07.000Z');
    // The incident row lists its alerts as entities of type "alerts", msticpy's alias of "alert".
    expect(entitiesOfType(alerts[23]!, 'alerts').length).toBeGreaterThan(0);
  });
});

describe('parseAlert on loose and Sentinel-shaped rows', () => {
  it("accepts Sentinel's stored column names (DisplayName, AlertSeverity, StartTime, EndTime)", () => {
    const row = emptyStoredAlert({ TimeGenerated: new Date('2024-05-01T10:00:00Z'), SystemAlertId: 'a1' });
    Object.assign(row, { DisplayName: 'Shown', AlertName: 'Rule', AlertSeverity: 'High' });
    Object.assign(row, { StartTime: new Date('2024-05-01T09:59:00Z'), EndTime: new Date('2024-05-01T09:59:30Z') });
    const alert = parseAlert(row);
    expect([alert.displayName, alert.name, alert.alertType, alert.severity]).toEqual(['Shown', 'Rule', 'Rule', 'High']);
    expect(alert.startTime?.toISOString()).toBe('2024-05-01T09:59:00.000Z');
    expect(alert.endTime?.toISOString()).toBe('2024-05-01T09:59:30.000Z');
    expect(alert.warnings).toEqual([]);
  });

  it('reads times as UTC whatever their form', () => {
    const at = (value: unknown) => parseAlert({ SystemAlertId: 'x', TimeGenerated: value }).timeGenerated;
    expect(at('2019-01-15 05:15:20')?.toISOString()).toBe('2019-01-15T05:15:20.000Z');
    expect(at('2019-01-15T05:15:15.6781494Z')?.toISOString()).toBe('2019-01-15T05:15:15.678Z');
    expect(at('2019-01-15T06:15:20+01:00')?.toISOString()).toBe('2019-01-15T05:15:20.000Z');
    expect(at(Date.UTC(2019, 0, 15))?.toISOString()).toBe('2019-01-15T00:00:00.000Z');
    const bad = parseAlert({ SystemAlertId: 'x', TimeGenerated: 'yesterday' });
    expect(bad.timeGenerated).toBeNull();
    expect(bad.warnings).toEqual(['TimeGenerated "yesterday" is not a time; ignored.']);
  });

  it('resolves references into EntityRefs that resolveRef and entityById follow', () => {
    const alert = parseAlert({
      SystemAlertId: 'x',
      Entities: JSON.stringify([
        { $id: '1', Type: 'HOST', HostName: 'WIN1', DnsDomain: 'contoso.com' },
        { $id: '2', Type: 'file', Directory: 'c:\\x', Name: 'ftp.exe' },
        { $id: '3', Type: 'process', ProcessId: '0x1580', ImageFile: { $ref: '2' }, Host: { $ref: '1' } },
        { $id: '4', Type: 'ipaddress', Address: '1.2.3.4', Location: { Type: 'geo', CountryCode: 'CN' } },
      ]),
    });
    const process = entityById(alert, '3')!;
    expect(isEntityRef(process.properties.ImageFile)).toBe(true);
    expect(resolveRef(alert, { ref: '2' })?.properties.FullPath).toBe('c:\\x\\ftp.exe');
    expect(alert.edges).toEqual([
      { from: '3', to: '2', property: 'ImageFile' },
      { from: '3', to: '1', property: 'Host' },
    ]);
    expect(alert.entities.map((entity) => describeEntity(entity, alert))).toEqual([
      'host: WIN1.contoso.com',
      'file: c:\\x\\ftp.exe',
      'process: c:\\x\\ftp.exe [0x1580]',
      'ip: 1.2.3.4',
    ]);
    expect(alert.entities[3]?.properties.Location).toEqual({ Type: 'geo', CountryCode: 'CN' });
    expect(JSON.parse(JSON.stringify(alert)).entities).toEqual(alert.entities);
  });
});

describe('parseAlert on hostile input: always an Alert, with a warning', () => {
  const entitiesOf = (Entities: unknown) => parseAlert({ SystemAlertId: 'x', Entities });

  it.each([
    ['not json', 'not json', /Entities is not valid JSON/],
    ['an object', '{}', /Entities should be a JSON array but is an object/],
    ['5 MB of text', `"${'a'.repeat(5_000_000)}"`, /Entities is 5\.0 MB of text, over the 1 MB limit/],
    ['200k nested arrays', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /not objects were ignored \(index 0\)/],
    ['a number', 42, /Entities should be a JSON array but is a number/],
  ])('Entities = %s', (_what, entities, warning) => {
    const alert = entitiesOf(entities);
    expect(alert.entities).toEqual([]);
    expect(alert.warnings).toEqual([expect.stringMatching(warning)]);
  });

  it('deep nesting inside an entity is cut, in JSON text or in (even cyclic) objects', () => {
    const deepText = `[{"$id":"1","Type":"host","HostName":"H","X":${'['.repeat(100_000)}${']'.repeat(100_000)}}]`;
    const loop: Record<string, unknown> = {};
    loop.next = loop;
    for (const entities of [deepText, [{ $id: '1', Type: 'host', HostName: 'H', loop }]]) {
      const alert = entitiesOf(entities);
      expect(alert.hostName).toBe('H');
      expect(alert.warnings).toEqual(['Entities: values nested deeper than 12 levels were cut.']);
      expect(() => JSON.stringify(alert)).not.toThrow();
    }
  });

  it('an object that contains itself under its $id becomes a self-reference', () => {
    const self: Record<string, unknown> = { $id: '1', Type: 'host', HostName: 'H' };
    self.me = self;
    const alert = entitiesOf([self]);
    expect(alert.entities[0]?.properties.me).toEqual({ ref: '1' });
    expect(alert.warnings).toEqual(['Entities: references form a cycle (1 → 1).']);
  });

  it('$ref cycles are reported and stay plain data', () => {
    const alert = entitiesOf([
      { $id: '1', Type: 'process', ProcessId: '1', ParentProcess: { $ref: '2' } },
      { $id: '2', Type: 'process', ProcessId: '2', ParentProcess: { $ref: '1' } },
    ]);
    expect(alert.warnings).toEqual(['Entities: references form a cycle (1 → 2 → 1).']);
    expect(alert.processId).toBe('1');
    expect(() => JSON.stringify(alert)).not.toThrow();
  });

  it('$ref to a missing id is left unresolved and reported', () => {
    const alert = entitiesOf([{ $id: '1', Type: 'process', ImageFile: { $ref: '99' } }, { $ref: '98' }]);
    expect(alert.warnings).toEqual(['Entities: $ref to missing entity 99, 98; left unresolved.']);
    expect(resolveRef(alert, { ref: '99' })).toBeUndefined();
    expect(alert.processFilePath).toBeNull();
  });

  it('entities without $id are dropped as in msticpy, but with a warning (deliberate difference, §j.4)', () => {
    const alert = entitiesOf([
      { Type: 'ip', Address: '1.2.3.4' },
      { $id: '1', Type: 'host', HostName: 'H' },
    ]);
    expect(alert.entities.map((entity) => entity.id)).toEqual(['1']);
    expect(alert.warnings).toEqual(['Entities: 1 entities without $id were dropped (ip).']);
  });

  it('duplicate $ids, too many entities and "__proto__" keys are contained', () => {
    const many = Array.from({ length: 2_001 }, (_, i) => ({
      $id: String(i),
      Type: 'ip',
      Address: `10.0.0.${i % 255}`,
    }));
    const duplicated = [
      { $id: '1', Type: 'host', HostName: 'A' },
      { $id: '1', Type: 'host', HostName: 'B' },
    ];
    expect(entitiesOf(many).entities).toHaveLength(2_000);
    expect(entitiesOf(many).warnings).toEqual([expect.stringMatching(/more than 2000 entities; 1 more were ignored/)]);
    expect(entitiesOf(duplicated).hostName).toBe('A');
    expect(entitiesOf(duplicated).warnings).toEqual([expect.stringMatching(/duplicate \$id 1/)]);
    const huge = entitiesOf([
      { $id: '1', Type: 'host', HostName: 'H', Values: Array.from({ length: 150_000 }, () => 1) },
    ]);
    expect(huge.hostName).toBe('H');
    expect(huge.warnings).toEqual(['Entities: more than 100000 values; the rest were ignored.']);
    const polluting = entitiesOf('[{"$id":"1","Type":"host","__proto__":{"polluted":true}}]');
    expect(Object.hasOwn(polluting.entities[0]!.properties, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ExtendedProperties that are not an object, or nested too deeply, are reported', () => {
    const array = parseAlert({ SystemAlertId: 'x', ExtendedProperties: '[1,2]' });
    expect(array.extendedProperties).toEqual({});
    expect(array.warnings).toEqual(['ExtendedProperties should be a JSON object but is an array; ignored.']);
    const deep = `{"ok":"yes","n":1,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const nested = parseAlert({ SystemAlertId: 'x', ExtendedProperties: deep });
    expect(nested.extendedProperties).toEqual({ ok: 'yes', n: '1', deep: '' });
    expect(nested.warnings).toEqual(['ExtendedProperties: "deep" nested too deeply to show; left empty.']);
  });

  it('a row without SystemAlertId, a non-object row, and a row whose getter throws', () => {
    expect(parseAlert({ AlertName: 'n' }).warnings).toEqual(['SystemAlertId is missing; the alert has no id.']);
    expect(parseAlert(null as unknown as AlertRecord).warnings).toEqual([
      'The alert row is not an object; nothing could be read.',
    ]);
    const trap = Object.defineProperty({ SystemAlertId: 'x' }, 'Entities', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(parseAlert(trap).warnings).toEqual(['The alert row could not be read (boom).']);
  });
});
