/**
 * The Azure credential socbot signs in with, chosen by `SOCBOT_AZURE_CREDENTIAL`. Values come from the validated
 * configuration (which also reads `.env`), not from `process.env` directly.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { SocbotError } from '../../core/errors.js';
import type { LogAnalyticsConfig } from './loganalytics-config.js';

function required(config: LogAnalyticsConfig, variable: keyof LogAnalyticsConfig): string {
  const value = config[variable];
  if (typeof value === 'string' && value !== '') return value;
  throw new SocbotError('BadInput', `${variable} is not set.`, {
    hint: `SOCBOT_AZURE_CREDENTIAL=${config.SOCBOT_AZURE_CREDENTIAL} needs it; run \`socbot doctor\` to check the set-up.`,
  });
}

/** Creates the credential the configuration asks for. */
export function createAzureCredential(config: LogAnalyticsConfig): TokenCredential {
  const authority = config.AZURE_AUTHORITY_HOST ? { authorityHost: config.AZURE_AUTHORITY_HOST } : {};
  switch (config.SOCBOT_AZURE_CREDENTIAL) {
    case 'client-secret':
      return new ClientSecretCredential(
        required(config, 'AZURE_TENANT_ID'),
        required(config, 'AZURE_CLIENT_ID'),
        required(config, 'AZURE_CLIENT_SECRET'),
        authority,
      );
    case 'certificate':
      return new ClientCertificateCredential(
        required(config, 'AZURE_TENANT_ID'),
        required(config, 'AZURE_CLIENT_ID'),
        { certificatePath: required(config, 'AZURE_CLIENT_CERTIFICATE_PATH') },
        authority,
      );
    case 'managed-identity':
      return config.AZURE_CLIENT_ID
        ? new ManagedIdentityCredential({ clientId: config.AZURE_CLIENT_ID })
        : new ManagedIdentityCredential();
    case 'default':
      return new DefaultAzureCredential({
        ...authority,
        ...(config.AZURE_TENANT_ID ? { tenantId: config.AZURE_TENANT_ID } : {}),
        ...(config.AZURE_CLIENT_ID
          ? { managedIdentityClientId: config.AZURE_CLIENT_ID, workloadIdentityClientId: config.AZURE_CLIENT_ID }
          : {}),
      });
  }
}

/**
 * Who the queries run as, for sharing the API budget: the API counts queries per signed-in identity, so two
 * providers with the same identity share one limiter.
 */
export function identityKey(config: LogAnalyticsConfig): string {
  const tenant = config.AZURE_TENANT_ID ?? 'any-tenant';
  const client = config.AZURE_CLIENT_ID ?? 'ambient';
  return `${config.SOCBOT_AZURE_CREDENTIAL}:${tenant}:${client}:${new URL(config.LOG_ANALYTICS_ENDPOINT).host}`;
}

/** Describes the credential without secrets, for messages: `client-secret (tenant …, client …)`. */
export function describeCredential(config: LogAnalyticsConfig): string {
  const parts = [
    config.AZURE_TENANT_ID ? `tenant ${config.AZURE_TENANT_ID}` : '',
    config.AZURE_CLIENT_ID ? `client ${config.AZURE_CLIENT_ID}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${config.SOCBOT_AZURE_CREDENTIAL} (${parts.join(', ')})` : config.SOCBOT_AZURE_CREDENTIAL;
}
