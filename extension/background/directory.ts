// The official directory lives here, in the background, never in a webmail tab: content scripts
// ask about the few addresses and names of a draft by message and get back only the matches.
// The one network request the extension makes is this GET of the file IT hosts (the policy's
// officialDirectoryUrl, on an official host the manifest's host permissions cover); no draft,
// address or name goes with it. The copy is kept in storage.local and revalidated with its ETag.
import { fetchDirectory, loadDirectory, type CachedDirectory, type DirectoryIndex, type DirectoryMatch, type DirectoryStore } from '../../core/directory';
import type { Policy } from '../../core/policy';
import { browser } from '../host/browser-api';

const STORE_KEY = 'officialDirectory';
const MAX_QUERIES = 200;

const store: DirectoryStore = {
  read: async () => (await browser.storage.local.get(STORE_KEY))[STORE_KEY] as CachedDirectory | undefined,
  write: (value) => browser.storage.local.set({ [STORE_KEY]: value }),
};

/** How often the stored copy is looked at again (fetchDirectory asks the server less often). */
const RECHECK_MS = 60 * 60 * 1000;

let loaded: { url: string; index?: DirectoryIndex; at: number } | undefined;
let loading: { url: string; promise: Promise<DirectoryIndex | undefined> } | undefined;

async function load(url: string): Promise<DirectoryIndex | undefined> {
  const r = await fetchDirectory(url, { fetchFn: (u, init) => fetch(u, init), store });
  if (r.error) console.warn(`congvu-guard: the official directory could not be refreshed from ${url}: ${r.error}`);
  // The same revision keeps the index already built: no second parse of 50,000 rows.
  const same = loaded?.url === url && loaded.index !== undefined && loaded.index.revision === r.directory?.revision;
  const index = same ? loaded!.index : r.directory ? loadDirectory(r.directory) : undefined;
  loaded = { url, index, at: Date.now() };
  return index;
}

/** The index for the policy's URL, loaded from storage or fetched when due. */
export function directoryFor(policy: Policy): Promise<DirectoryIndex | undefined> {
  const url = policy.officialDirectoryUrl;
  if (!url) {
    loaded = undefined;
    return Promise.resolve(undefined);
  }
  if (loaded?.url === url && Date.now() - loaded.at < RECHECK_MS) return Promise.resolve(loaded.index);
  if (loading?.url !== url) {
    const promise = load(url).finally(() => {
      if (loading?.promise === promise) loading = undefined;
    });
    loading = { url, promise };
  }
  return loading.promise;
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, MAX_QUERIES) : []);

/** Answers a tab: one match (or null) per address and per name asked. */
export async function lookUp(policy: Policy, addresses: unknown, names: unknown): Promise<{ addresses: Array<DirectoryMatch | null>; names: Array<DirectoryMatch | null> }> {
  const index = await directoryFor(policy);
  return {
    addresses: asStrings(addresses).map((a) => index?.byAddress(a) ?? null),
    names: asStrings(names).map((n) => index?.byName(n) ?? null),
  };
}
