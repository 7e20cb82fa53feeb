// What every handler is given: the bounds it runs under, how it gets the policy and how it
// extracts documents. register.ts uses the defaults; tests pass short bounds and fakes.
import { extractDocument } from '../../core/extract';
import { getHostedPolicy, type HostedPolicy } from '../policy/hosted-policy';
import type { Extract } from './attachments';

export interface LaunchBounds {
  /** OnMessageSend and ItemSend complete within this (Outlook shows "taking longer" at 5 s). */
  sendMs: number;
  /** OnNewMessageCompose and OnMessageRecipientsChanged: cheap reads only. */
  composeMs: number;
  /** OnMessageAttachmentsChanged (and a new compose that carries a forward's files): reading. */
  scanMs: number;
  /** One cheap Office call (recipients, subject, body, list, info bar). */
  callMs: number;
  /** Time kept back before a bound to complete and show what was found. */
  marginMs: number;
  /** A read started at send goes on for this long in the background to fill the cache. */
  backgroundReadMs: number;
}

export const DEFAULT_BOUNDS: LaunchBounds = {
  sendMs: 4000,
  composeMs: 4000,
  scanMs: 20_000,
  callMs: 1500,
  marginMs: 600,
  backgroundReadMs: 20_000,
};

export interface LaunchDeps {
  bounds?: Partial<LaunchBounds>;
  loadPolicy?: () => Promise<HostedPolicy>;
  extract?: Extract;
}

export interface LaunchContext {
  bounds: LaunchBounds;
  loadPolicy: () => Promise<HostedPolicy>;
  extract: Extract;
}

export function makeContext(deps: LaunchDeps = {}): LaunchContext {
  return {
    bounds: { ...DEFAULT_BOUNDS, ...deps.bounds },
    loadPolicy: deps.loadPolicy ?? (() => getHostedPolicy()),
    extract: deps.extract ?? extractDocument,
  };
}
