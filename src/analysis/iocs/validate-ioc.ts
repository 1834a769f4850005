/**
 * msticpy's `IoCExtract.validate`: does a whole value have the shape of a type (defanged forms allowed)?
 */
import { fullMatchRegex } from './ioc-patterns.js';
import type { IocType } from './ioc-types.js';
import { hasIcannSuffix } from './tld-check.js';

const FULL_MATCHERS = new Map<IocType, RegExp>();

function matcher(type: IocType): RegExp {
  let regex = FULL_MATCHERS.get(type);
  if (!regex) {
    regex = fullMatchRegex(type);
    FULL_MATCHERS.set(type, regex);
  }
  return regex;
}

/**
 * True when `value` as a whole matches the type's pattern, and for dns also has an ICANN public suffix. IPs are
 * checked for shape only (`999.1.1.1` passes); `parseIpAddress` says whether they are real addresses.
 */
export function validateIoc(value: string, type: IocType): boolean {
  if (!matcher(type).test(value)) return false;
  return type !== 'dns' || hasIcannSuffix(value);
}
