import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImportFiles, parseImportFile } from '../../../../src/data/local/import/index.js';
import { dataDir, dataPath, hasSharedData } from './shared-data.js';

const unrecognised = 'rows of an unrecognised table (no SystemAlertId+AlertName or EventID+Computer)';

describe.skipIf(!hasSharedData)('listImportFiles', () => {
  it('lists a folder recursively and sorted, without PROVENANCE, LICENSE, README or yaml files', async () => {
    const files = await listImportFiles(dataPath('security-datasets'));
    expect(files.map((f) => relative(dataPath('security-datasets'), f))).toEqual([
      'GoldenSAMLADFSMailAccess/AADAuditEvents.json',
      'GoldenSAMLADFSMailAccess/Microsoft365DefenderEvents.json',
      'GoldenSAMLADFSMailAccess/OfficeActivityEvents.json',
      'GoldenSAMLADFSMailAccess/WindowsEvents.json',
      'covenant_sharpwmi_create_dcerpc_wmi_2020-08-06035621.json',
      'empire_launcher_vbs_2020-09-04160940.json',
      'empire_schtasks_creation_standard_user_2020-09-21031526.json',
      'metadata/mordor-windows-security-audit-policy.csv',
      'psh_lsass_memory_dump_comsvcs_2020-10-18T19500924.json',
      'schtask_create_2020-12-1907003032.json',
    ]);
  });

  it('returns a single file as given, and refuses a missing path', async () => {
    const file = dataPath('msticpy/alertlist.csv');
    expect(await listImportFiles(file)).toEqual([file]);
    await expect(listImportFiles(dataPath('no-such-folder'))).rejects.toThrow(/no such file or folder/);
  });
});

describe.skipIf(!hasSharedData)('every file of the msticpy folder', () => {
  // alerts, events, rows ignored — files of other tables (VirusTotal, IoCs, Linux) are counted, never errors.
  const expected: Record<string, [number, number, number]> = {
    'alertlist.csv': [189, 0, 0],
    'entities.json': [0, 0, 1],
    'host_logons.csv': [0, 14, 0],
    'ioc_df.csv': [0, 0, 130],
    'linux/linux_events.csv': [0, 0, 100],
    'linux/linux_proc_test.jsonl': [0, 0, 1000],
    'linux/syslog_data.csv': [0, 0, 100],
    'localdata/alerts_list.jsonl': [25, 0, 0],
    'localdata/failed_logons.jsonl': [0, 4, 0],
    'localdata/host_logons.jsonl': [0, 25, 0],
    'localdata/process_tree.jsonl': [0, 17, 0],
    'localdata/processes_on_host.jsonl': [0, 25, 0],
    'process_tree.csv': [0, 117, 0],
    'processes_on_host.csv': [0, 363, 0],
    'ti_results.jsonl': [0, 0, 31],
    'vt2_responses/domain_neg.json': [0, 0, 1],
    'vt2_responses/domain_pos.json': [0, 0, 1],
    'vt2_responses/file-multi_pos.json': [0, 0, 3],
    'vt2_responses/fileresponse.json': [0, 0, 1],
    'vt2_responses/ip-address_neg.json': [0, 0, 1],
    'vt2_responses/ip-address_pos.json': [0, 0, 1],
    'vt2_responses/url_neg.json': [0, 0, 1],
    'vt2_responses/url_pos.json': [0, 0, 1],
    'vt3_responses/vt3_file_1.json': [0, 0, 1],
    'vt3_responses/vt3_url_0.json': [0, 0, 1],
    'vt3_responses/vt3_url_1.json': [0, 0, 1],
    'vt3_responses/vt3_url_2.json': [0, 0, 1],
    'win_proc_test.jsonl': [0, 1000, 0],
    'winproctree-minimal.csv': [0, 0, 116],
  };

  it('imports each .csv/.json/.jsonl with the expected counts and nothing skipped', async () => {
    const folder = dataPath('msticpy');
    const files = await listImportFiles(folder);
    const counts: Record<string, [number, number, number]> = {};
    for (const file of files) {
      const parsed = await parseImportFile(file);
      expect(parsed.skipped, file).toEqual([]);
      counts[relative(folder, file)] = [
        parsed.alerts.length,
        parsed.events.length,
        parsed.ignored.reduce((sum, i) => sum + i.count, 0),
      ];
    }
    expect(counts).toEqual(expected);
  });

  it('names the table when the rows say it (Syslog), else says the table is unrecognised', async () => {
    const syslog = await parseImportFile(dataPath('msticpy/linux/syslog_data.csv'));
    expect(syslog.ignored).toEqual([{ reason: 'Syslog table rows', count: 100 }]);
    const iocs = await parseImportFile(dataPath('msticpy/ioc_df.csv'));
    expect(iocs.ignored).toEqual([{ reason: unrecognised, count: 130 }]);
  });
});

describe.skipIf(!hasSharedData)('data folder', () => {
  it('is found beside the repository', () => {
    expect(dataDir.endsWith('/shared/data/')).toBe(true);
  });
});
