/**
 * `npm run package:teams`: fills the Teams app manifest with this deployment's ids, validates it against the
 * Teams manifest JSON schema shipped in `@microsoft/app-manifest`, and zips it with the icons into
 * `dist/socbot-teams.zip` (the file to upload in Teams: Apps → Manage your apps → Upload an app).
 *
 * Reads MICROSOFT_APP_ID (or `clientId`): the Azure Bot's app id, used as the bot id and, unless TEAMS_APP_ID is
 * set, as the Teams app id. PUBLIC_BASE_URL, when set, replaces the placeholder developer site.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { readEnvFile } from '../src/config.js';

const manifestDir = new URL('../manifest/teams/', import.meta.url);
const outFile = new URL('../dist/socbot-teams.zip', import.meta.url);
/** The committed manifest's stand-ins, replaced when packaging. */
const placeholderId = '00000000-0000-0000-0000-000000000000';
const placeholderOrigin = 'https://socbot.example.com';
const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A JSON object. */
export type Json = Record<string, unknown>;

export interface Deployment {
  /** The Azure Bot's Microsoft App ID. */
  appId: string;
  /** The Teams app id; defaults to the bot's app id. */
  teamsAppId?: string;
  /** Where the bot is served (https), for the developer links and valid domains. */
  publicBaseUrl?: string;
}

/** The committed manifest template. */
export function readManifestTemplate(): Json {
  return JSON.parse(readFileSync(new URL('manifest.json', manifestDir), 'utf8')) as Json;
}

/** The manifest for one deployment: placeholders replaced by its ids and public URL. Pure. */
export function fillManifest(template: Json, deployment: Deployment): Json {
  for (const [name, id] of [
    ['MICROSOFT_APP_ID', deployment.appId],
    ['TEAMS_APP_ID', deployment.teamsAppId],
  ] as const) {
    if (id !== undefined && !guid.test(id)) throw new Error(`${name} must be a GUID (the app registration's id).`);
  }
  let text = JSON.stringify(template);
  const teamsAppId = deployment.teamsAppId ?? deployment.appId;
  text = text.replace(`"id":"${placeholderId}"`, `"id":"${teamsAppId}"`).replaceAll(placeholderId, deployment.appId);
  if (deployment.publicBaseUrl) {
    const url = new URL(deployment.publicBaseUrl);
    if (url.protocol !== 'https:') throw new Error('PUBLIC_BASE_URL must be an https URL for the Teams manifest.');
    text = text.replaceAll(placeholderOrigin, url.origin).replaceAll('"socbot.example.com"', `"${url.host}"`);
  }
  return JSON.parse(text) as Json;
}

/**
 * Validates a manifest against its `$schema`, with the copy of that schema bundled in `@microsoft/app-manifest`
 * (so offline).
 * @returns the schema violations; empty when valid.
 */
export async function validateTeamsManifest(manifest: Json): Promise<string[]> {
  const { AppManifestUtils } = await import('@microsoft/app-manifest');
  type TeamsManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  return AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest);
}

/** The app package: manifest and icons at the zip's root, as Teams expects. */
export function zipTeamsApp(manifest: Json, icons: { color: Uint8Array; outline: Uint8Array }): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': icons.color,
    'outline.png': icons.outline,
  });
}

/** Reads the deployment from the environment (and `.env`); says which variable is missing. */
export function deploymentFromEnv(env: Record<string, string | undefined>): Deployment {
  const appId = env.MICROSOFT_APP_ID || env.clientId;
  if (!appId) throw new Error('Set MICROSOFT_APP_ID (the Azure Bot app id) to package the Teams app.');
  return {
    appId,
    ...(env.TEAMS_APP_ID ? { teamsAppId: env.TEAMS_APP_ID } : {}),
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL } : {}),
  };
}

async function main(): Promise<void> {
  const manifest = fillManifest(readManifestTemplate(), deploymentFromEnv({ ...readEnvFile(), ...process.env }));
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) throw new Error(`manifest.json does not match its schema:\n  ${problems.join('\n  ')}`);
  const zip = zipTeamsApp(manifest, {
    color: readFileSync(new URL('color.png', manifestDir)),
    outline: readFileSync(new URL('outline.png', manifestDir)),
  });
  mkdirSync(new URL('./', outFile), { recursive: true });
  writeFileSync(outFile, zip);
  console.log(`Wrote ${outFile.pathname} (manifest ${String(manifest.manifestVersion)}, valid; ${zip.length} bytes)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
