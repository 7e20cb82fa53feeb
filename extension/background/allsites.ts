// Account hygiene (issue 13), the background's part. It precomputes what the all-sites script
// needs (storage.local, ALLSITES_KEY) and keeps the official password's salted hash: a
// password typed on the official webmail's sign-in form is hashed and, once the webmail shows
// the signed-in mailbox, kept; a password typed on any other site is compared with it. The
// password itself is never stored, and nothing here makes a request.
import { Newest } from '../../core/password/newest';
import { fromBase64, hashPassword, isSamePassword, isUnderAny, REUSE_SOURCES, SALT_BYTES, toBase64, type StoredPasswordHash } from '../../core/password/reuse';
import type { Policy } from '../../core/policy';
import { changePasswordUrl } from '../allsites/change-password';
import { type OfficialPage, type PasswordTyped, type ReuseAlert } from '../allsites/config';
import { browser, type Runtime, type Scripting } from '../host/browser-api';
import type { PolicyState } from '../host/messages';
import { OFFICIAL_HOST_SUFFIX } from '../manifest-matches';
import { officialHosts } from './official-hosts';
import { loadEngine } from './lazy-parts';

export const HASH_KEY = 'officialPasswordHash';
const SALT_KEY = 'passwordReuseSalt';
const SESSION_SCRIPT_ID = 'congvu-official-session';

interface KeptHash extends StoredPasswordHash {
  /** Where the alert's button goes: the change-password page of the webmail signed in to. */
  changeUrl: string;
}

let policy: Policy | undefined;

/** The sign-in confirmation runs on the official webmail's hosts the extension may script (under .gov.vn). */
function sessionMatches(p: Policy): string[] {
  if (p.rules['password-policy'] === 'off') return [];
  return officialHosts(p)
    .filter((h) => h.endsWith(OFFICIAL_HOST_SUFFIX))
    .map((h) => `https://${h}/*`);
}

async function registerSessionScript(p: Policy): Promise<void> {
  const script: Scripting.RegisteredContentScript = { id: SESSION_SCRIPT_ID, js: ['official-session.js'], matches: sessionMatches(p), runAt: 'document_idle', allFrames: false, persistAcrossSessions: true };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SESSION_SCRIPT_ID] });
  if (script.matches!.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SESSION_SCRIPT_ID] });
  } else if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/** The all-sites script's config (ALLSITES_KEY) is stored with the resolved policy (background/policy.ts). */
export async function publishAllSites(state: PolicyState): Promise<void> {
  policy = state.policy;
  if (state.policy.rules['password-policy'] === 'off') await forgetPassword();
  await registerSessionScript(state.policy).catch((e: unknown) => console.warn('congvu-guard: could not register the sign-in check:', e));
}

async function salt(): Promise<Uint8Array> {
  const stored = (await browser.storage.local.get(SALT_KEY))[SALT_KEY];
  if (typeof stored === 'string') return fromBase64(stored);
  const fresh = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  await browser.storage.local.set({ [SALT_KEY]: toBase64(fresh) });
  return fresh;
}

async function keptHash(): Promise<KeptHash | undefined> {
  return (await browser.storage.local.get(HASH_KEY))[HASH_KEY] as KeptHash | undefined;
}

/** Sign-in hashes waiting for the webmail to accept the password, by tab. */
const signIns = new Map<number, Newest<KeptHash>>();
/** Comparisons of passwords typed elsewhere, by tab. */
const checks = new Map<number, Newest<boolean>>();

async function forgetPassword(): Promise<void> {
  signIns.clear();
  await browser.storage.local.remove(HASH_KEY);
}

function tabQueue<T>(map: Map<number, Newest<T>>, tab: number, work: (value: string) => Promise<T>): Newest<T> {
  let q = map.get(tab);
  if (!q) map.set(tab, (q = new Newest(work)));
  return q;
}

async function commit(hash: KeptHash | undefined): Promise<void> {
  if (hash && policy?.rules['password-policy'] !== 'off') await browser.storage.local.set({ [HASH_KEY]: hash });
}

async function passwordTyped(msg: PasswordTyped, tab: number, url: URL): Promise<ReuseAlert | Record<string, never>> {
  const p = policy;
  const mode = p?.rules['password-policy'];
  if (!p || !mode || mode === 'off' || typeof msg.value !== 'string') return {};
  const host = url.hostname;
  if (isUnderAny(host, officialHosts(p))) {
    if (msg.form !== 'signin') return {};
    const changeUrl = changePasswordUrl(msg.product, url, `${url.origin}/`);
    const queue = tabQueue(signIns, tab, async (value) => ({ ...(await hashPassword(crypto.subtle, value, await salt())), changeUrl }));
    const hashed = queue.submit(msg.value);
    // Without a confirming script on this host, the sign-in is taken as it is typed.
    if (!host.endsWith(OFFICIAL_HOST_SUFFIX)) await commit(await hashed);
    return {};
  }
  if (isUnderAny(host, p.officialSignInHosts)) return {};
  const kept = await keptHash();
  if (!kept) return {};
  const saltBytes = await salt();
  const same = await tabQueue(checks, tab, (value) => isSamePassword(crypto.subtle, value, saltBytes, kept)).submit(msg.value);
  if (!same) return {};
  const citation = REUSE_SOURCES[p.authority] ?? REUSE_SOURCES.default;
  return (await loadEngine()).reuseAlert(p, mode, citation, host, kept.changeUrl);
}

async function officialPage(msg: OfficialPage, tab: number, url: URL): Promise<Record<string, never>> {
  if (!policy || !isUnderAny(url.hostname, officialHosts(policy))) return {};
  if (msg.state === 'signed-out') await forgetPassword();
  else {
    const queue = signIns.get(tab);
    signIns.delete(tab);
    if (queue) await commit(await queue.settled());
  }
  return {};
}

/** The runtime.onMessage listener for the all-sites script and the official-session script; other messages are left to the others. */
export function allSitesMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const msg = raw as PasswordTyped | OfficialPage;
  if (msg?.type !== 'password-typed' && msg?.type !== 'official-page') return undefined;
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return Promise.resolve({});
  }
  const tab = sender.tab?.id ?? -1;
  return msg.type === 'password-typed' ? passwordTyped(msg, tab, url) : officialPage(msg, tab, url);
}

browser.tabs?.onRemoved.addListener((tab) => {
  signIns.delete(tab);
  checks.delete(tab);
});
