// Fetching the hosted directory file: a plain GET with no body and no credentials, revalidated
// with If-None-Match (the server's ETag) or, where the server gives none, compared by the file's
// own revision. A failed refresh keeps the copy in hand; nothing about the user or the draft is
// sent. `fetchFn` and `store` are the host's (the extension's background, the add-in's pane).
import { DirectoryFormatError, parseCompactDirectory, type CompactDirectory } from './compact';

export interface CachedDirectory {
  url: string;
  etag?: string;
  /** When it was last fetched or confirmed unchanged (ms since epoch). */
  checkedAt: number;
  text: string;
}

export interface DirectoryStore {
  read(): Promise<CachedDirectory | undefined>;
  write(value: CachedDirectory): Promise<void>;
}

export type FetchFn = (url: string, init: { method: 'GET'; credentials: 'omit'; cache: 'no-store'; headers: Record<string, string> }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface DirectoryFetchResult {
  directory?: CompactDirectory;
  /** `fresh`: fetched now; `unchanged`: the server said 304; `cached`: not asked (checked recently) or the fetch failed. */
  state: 'fresh' | 'unchanged' | 'cached' | 'none';
  /** Why the fetch failed, when it did (the cached copy, if any, is in force). */
  error?: string;
}

/** How long a copy is used before the server is asked again. */
export const DIRECTORY_REFRESH_MS = 6 * 60 * 60 * 1000;

function readCached(cached: CachedDirectory | undefined, url: string): CompactDirectory | undefined {
  if (!cached || cached.url !== url) return undefined;
  try {
    return parseCompactDirectory(cached.text);
  } catch {
    return undefined;
  }
}

export async function fetchDirectory(url: string, deps: { fetchFn: FetchFn; store: DirectoryStore; now?: () => number; force?: boolean }): Promise<DirectoryFetchResult> {
  const now = deps.now ?? Date.now;
  const cached = await deps.store.read().catch(() => undefined);
  const inHand = readCached(cached, url);
  if (inHand && !deps.force && now() - cached!.checkedAt < DIRECTORY_REFRESH_MS) return { directory: inHand, state: 'cached' };
  const headers: Record<string, string> = {};
  if (inHand && cached!.etag) headers['If-None-Match'] = cached!.etag;
  try {
    const res = await deps.fetchFn(url, { method: 'GET', credentials: 'omit', cache: 'no-store', headers });
    if (res.status === 304 && inHand) {
      await deps.store.write({ ...cached!, checkedAt: now() }).catch(() => undefined);
      return { directory: inHand, state: 'unchanged' };
    }
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    const directory = parseCompactDirectory(text);
    if (inHand && inHand.revision === directory.revision) {
      await deps.store.write({ ...cached!, etag: res.headers.get('ETag') ?? undefined, checkedAt: now() }).catch(() => undefined);
      return { directory: inHand, state: 'unchanged' };
    }
    await deps.store.write({ url, etag: res.headers.get('ETag') ?? undefined, checkedAt: now(), text }).catch(() => undefined);
    return { directory, state: 'fresh' };
  } catch (e) {
    const error = e instanceof DirectoryFormatError ? `not a directory file: ${e.message}` : e instanceof Error ? e.message : String(e);
    return inHand ? { directory: inHand, state: 'cached', error } : { state: 'none', error };
  }
}
