/**
 * Command-line patterns that attackers use and admins rarely do: living-off-the-land binaries with suspicious
 * arguments, credential dumping, crypto-mining and defence evasion. A rule matches when every one of its patterns
 * is found in the de-obfuscated command line (carets and backticks removed). Patterns are simple and separate
 * (no `.*` chains between them), so each rule costs one linear pass per pattern even on hostile input.
 */
import type { SignalKind } from './signal.js';

/** Patterns that must all match, and what it means when they do. */
export interface CommandRule {
  kind: SignalKind;
  /** One sentence an analyst can read aloud. */
  reason: string;
  /** Every pattern must match (case-insensitive); the evidence spans their matches. */
  all: readonly RegExp[];
}

const powershell = /\b(?:powershell|pwsh)\b/i;

/** The rules, in the order their signals are listed. */
export const commandRules: readonly CommandRule[] = [
  {
    kind: 'credential-access',
    reason: "comsvcs.dll's MiniDump is called: the usual way to dump lsass memory and steal credentials.",
    all: [/comsvcs(?:\.dll)?[\s,]+#?(?:minidump|24)\b/i],
  },
  {
    kind: 'credential-access',
    reason: 'A memory dump of lsass is requested: credentials can be read from it.',
    all: [/\b(?:procdump|sqldumper|createdump|out-minidump)/i, /\blsass\b/i],
  },
  {
    kind: 'credential-access',
    reason: 'Mimikatz commands are run to read credentials from memory.',
    all: [/\b(?:sekurlsa::\w+|lsadump::\w+|kerberos::\w+|invoke-mimikatz|mimikatz)\b/i],
  },
  {
    kind: 'credential-access',
    reason: 'The SAM or SECURITY registry hive is saved to a file: password hashes can be extracted from it.',
    all: [/\breg(?:\.exe)?"?\s+save\s+"?hklm\\(?:sam|security)\b/i],
  },
  {
    kind: 'credential-access',
    reason: 'ntdsutil copies the Active Directory database (ntds.dit).',
    all: [/\bntdsutil\b/i, /\bifm\b/i],
  },
  {
    kind: 'crypto-mining',
    reason: 'The command line names a mining pool, a mining algorithm or mining software: a crypto-miner.',
    all: [
      /\bstratum\+(?:tcp|ssl|tls):\/\/\S{1,200}|(?:^|\s)(?:-a|--algo)[\s=]+(?:cryptonight\S{0,20}|randomx|rx\/\d|cn\/\w{1,10}|ethash|kawpow)(?=\s|$)|\b(?:xmrig|xmr-stak|minerd|cpuminer|nbminer)\b|--donate-level\b/i,
    ],
  },
  {
    kind: 'defence-evasion',
    reason: 'AMSI is switched off (amsiInitFailed): scripts then escape antivirus scanning.',
    all: [/\bamsi(?:utils|initfailed)\b/i],
  },
  {
    kind: 'defence-evasion',
    reason: 'Shadow copies or backups are deleted: typical right before ransomware encrypts.',
    all: [
      /\bvssadmin(?:\.exe)?"?\s+delete\s+shadows\b|\bshadowcopy\s+delete\b|\bwbadmin(?:\.exe)?"?\s+delete\s+catalog\b/i,
    ],
  },
  {
    kind: 'defence-evasion',
    reason: 'Event logs are cleared: the attacker is erasing tracks.',
    all: [/\bwevtutil(?:\.exe)?"?\s+(?:cl|clear-log)\s|\bclear-eventlog\b/i],
  },
  {
    kind: 'defence-evasion',
    reason: 'Web server logging is turned off (/dontLog:true).',
    all: [/\/dontlog:\s*true\b/i],
  },
  {
    kind: 'defence-evasion',
    reason: 'Microsoft Defender protection is weakened (a feature disabled or a path excluded).',
    all: [/\b(?:set-mppreference\s+-disable\w{0,40}\s+\$?(?:true|1)|add-mppreference\s+-exclusion\w{0,20})\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'schtasks creates a scheduled task that runs as SYSTEM: persistence with full privileges.',
    all: [/\bschtasks\b/i, /\/create\b/i, /\/ru\s+"?(?:nt authority\\)?system\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'schtasks creates a scheduled task that starts a script interpreter or decodes a payload.',
    all: [
      /\bschtasks\b/i,
      /\/create\b/i,
      /\/tr\s/i,
      /\b(?:powershell|mshta|wscript|cscript|rundll32|regsvr32|frombase64string)\b|https?:\/\//i,
    ],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'certutil downloads or decodes a file: a well-known living-off-the-land trick.',
    all: [/\bcertutil\b/i, /[-/](?:urlcache|verifyctl|decode|decodehex)\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'regsvr32 loads a remote scriptlet (Squiblydoo): code runs without touching disk.',
    all: [/\bregsvr32\b/i, /\/i:\s*"?(?:https?|ftp):\/\/|\bscrobj\.dll\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'mshta runs a remote or inline script.',
    all: [/\bmshta(?:\.exe)?"?\s+"?(?:https?:\/\/|javascript:|vbscript:)/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'rundll32 runs inline script code.',
    all: [/\brundll32\b/i, /\bjavascript:/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'wmic starts a process (remotely with /node:): lateral movement or execution.',
    all: [/\bwmic\b/i, /\bprocess\s+call\s+create\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'BITS is used to download a file.',
    all: [/\bbitsadmin\b[^\n]{0,200}\/(?:transfer|addfile)\b|\bstart-bitstransfer\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'The command downloads from the network (WebClient / Invoke-WebRequest).',
    all: [/\b(?:downloadstring|downloadfile|downloaddata|invoke-webrequest|invoke-restmethod|iwr|net\.webclient)\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'A string is run as code (Invoke-Expression / IEX).',
    all: [/(?:^|[\s;|(&{'"])(?:iex|invoke-expression)\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'ftp runs commands from a script file (-s:), a quiet way to download or exfiltrate.',
    all: [/\bftp(?:\.exe)?\b/i, /(?:^|\s)-s:\S{1,200}/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'A user account is created or added to the administrators.',
    all: [/\bnet1?(?:\.exe)?"?\s+(?:user|localgroup\s+administrators)\s/i, /\/add\b/i],
  },
  {
    kind: 'suspicious-tool-use',
    reason: 'A Run key is written: the program starts at every logon.',
    all: [/\breg(?:\.exe)?"?\s+add\s/i, /\\currentversion\\run(?:once)?\b/i],
  },
  {
    kind: 'hidden-execution',
    reason: 'PowerShell is told to hide its window or to bypass the execution policy.',
    all: [powershell, /\s[-/](?:w\w{0,10}\s+(?:hidden|1)|(?:ep|ex|exec|executionpolicy)\s+(?:bypass|unrestricted))\b/i],
  },
];
