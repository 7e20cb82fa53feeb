// What the extension's parts say to each other. Everything stays inside the browser:
// the background never sends anything anywhere.
import type { ExtractedDocument } from '../../core/types';
import type { Policy, PolicyError, ResolvedPolicy } from '../../core/policy';

/** The private record a user sees in the popup; kept only in storage.local. */
export interface UserRecord {
  nudgesShown: number;
  openedOfficialWebmail: number;
  markedNotWork: number;
  sendsStopped: number;
  oversizeFilesStopped: number;
  /** Adapters that met a compose they could not read, by site and part (no content). */
  unreadable: Record<string, number>;
}

export const EMPTY_RECORD: UserRecord = { nudgesShown: 0, openedOfficialWebmail: 0, markedNotWork: 0, sendsStopped: 0, oversizeFilesStopped: 0, unreadable: {} };

export interface PolicyState {
  policy: Policy;
  errors: PolicyError[];
  /** Values kept but worth IT's second look (shown on the options page). */
  warnings: PolicyError[];
  sources: ResolvedPolicy['sources'];
  /** Managed policy could not be read now; the last good one is in force. */
  usingCachedManaged: boolean;
  /** The policy's language's messages, for the content scripts, which are built without them. */
  messages?: Readonly<Record<string, string>>;
}

export type RecordEvent = keyof Omit<UserRecord, 'unreadable'> | { unreadable: string };

export type Request =
  | { type: 'get-policy' }
  | { type: 'record'; event: RecordEvent }
  | { type: 'get-record' }
  | { type: 'set-user-policy'; policy: unknown }
  | { type: 'tab-status'; status: TabStatus }
  | { type: 'get-tab-status'; tabId: number }
  /** account hygiene (issue 13): a change-password page asks for the checklist's bundle in its frame. */
  | { type: 'load-password-checklist' }
  /** Which of these (canonical) domains are in the bundled provider list: one boolean each. */
  | { type: 'public-domains'; domains: string[] }
  // official-directory (issue 14): the matches for a draft's addresses and names, one each (null: none)
  | { type: 'directory-lookup'; addresses: string[]; names: string[] };

/** What a content script reports about its tab, for the popup. */
export interface TabStatus {
  site: string;
  composes: number;
  findings: number;
}

/** Over the `extract` port: a file in base64 chunks, then its extracted text or an error. */
export type ExtractPortMessage =
  // trustedRoots: unsigned-document (issue 14), the policy's roots for checking signers.
  | { kind: 'begin'; id: string; name: string; size: number; trustedRoots?: readonly string[] }
  | { kind: 'chunk'; id: string; data: string }
  | { kind: 'end'; id: string };

export type ExtractPortReply = { id: string; document?: ExtractedDocument; error?: string; code?: string };

export const EXTRACT_PORT = 'congvu-extract';
/** Chrome: from the service worker to the offscreen document that hosts the reading Worker. */
export const READER_PORT = 'congvu-reader';
/** Base64 chunks stay well under the messaging size limits of both browsers. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
