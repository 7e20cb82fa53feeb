import { describe, expect, it } from 'vitest';
import { compactDirectory, serializeDirectory } from './compact';
import { DIRECTORY_REFRESH_MS, fetchDirectory, type CachedDirectory, type FetchFn } from './fetch';

const URL_ = 'https://mail.danang.gov.vn/congvu-guard/directory.json';
const v1 = serializeDirectory(compactDirectory([{ name: 'Nguyễn Văn Ánh', unit: 'Sở Nội vụ', official: 'anhnv@danang.gov.vn', personal: [] }]));
const v2 = serializeDirectory(compactDirectory([{ name: 'Trần Thị Bình', unit: 'Sở Tài chính', official: 'binhtt@danang.gov.vn', personal: [] }]));

function server(answers: Array<{ status: number; body?: string; etag?: string } | Error>) {
  const seen: Array<{ url: string; init: Parameters<FetchFn>[1] }> = [];
  const fetchFn: FetchFn = (url, init) => {
    seen.push({ url, init });
    const a = answers.shift()!;
    if (a instanceof Error) return Promise.reject(a);
    return Promise.resolve({ status: a.status, headers: { get: (h: string) => (h.toLowerCase() === 'etag' ? (a.etag ?? null) : null) }, text: () => Promise.resolve(a.body ?? '') });
  };
  return { fetchFn, seen };
}

function memory() {
  let value: CachedDirectory | undefined;
  return { read: () => Promise.resolve(value), write: (v: CachedDirectory) => Promise.resolve(void (value = v)), get: () => value };
}

describe('fetching the hosted directory', () => {
  it('GETs it without credentials or body, keeps it, and revalidates with If-None-Match once it is due', async () => {
    const store = memory();
    let now = 1_000;
    const s = server([{ status: 200, body: v1, etag: '"a"' }, { status: 304 }, { status: 200, body: v2, etag: '"b"' }]);
    const first = await fetchDirectory(URL_, { fetchFn: s.fetchFn, store, now: () => now });
    expect(first.state).toBe('fresh');
    expect(s.seen[0]).toEqual({ url: URL_, init: { method: 'GET', credentials: 'omit', cache: 'no-store', headers: {} } });
    // Within the refresh interval: no request at all.
    expect((await fetchDirectory(URL_, { fetchFn: s.fetchFn, store, now: () => now })).state).toBe('cached');
    expect(s.seen).toHaveLength(1);
    now += DIRECTORY_REFRESH_MS + 1;
    const second = await fetchDirectory(URL_, { fetchFn: s.fetchFn, store, now: () => now });
    expect(second).toMatchObject({ state: 'unchanged', directory: { revision: first.directory!.revision } });
    expect(s.seen[1]!.init.headers).toEqual({ 'If-None-Match': '"a"' });
    now += DIRECTORY_REFRESH_MS + 1;
    const third = await fetchDirectory(URL_, { fetchFn: s.fetchFn, store, now: () => now });
    expect(third.state).toBe('fresh');
    expect(third.directory!.revision).not.toBe(first.directory!.revision);
    expect(store.get()!.etag).toBe('"b"');
  });

  it('keeps the copy in hand when the server fails or serves something that is not a directory', async () => {
    const store = memory();
    let now = 0;
    const s = server([{ status: 200, body: v1 }, new Error('network down'), { status: 200, body: '<html>login</html>' }, { status: 500 }]);
    const first = await fetchDirectory(URL_, { fetchFn: s.fetchFn, store, now: () => now });
    for (const why of [/network down/, /not a directory file/, /HTTP 500/]) {
      now += DIRECTORY_REFRESH_MS + 1;
      const r = await fetchDirectory(URL_, { fetchFn: s.fetchFn, store, now: () => now });
      expect(r.state).toBe('cached');
      expect(r.error).toMatch(why);
      expect(r.directory!.revision).toBe(first.directory!.revision);
    }
  });

  it('has nothing, and says why, when the first fetch fails', async () => {
    const r = await fetchDirectory(URL_, { fetchFn: server([{ status: 404 }]).fetchFn, store: memory() });
    expect(r).toEqual({ state: 'none', error: 'HTTP 404' });
  });
});
