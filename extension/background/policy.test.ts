import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake of the one module that touches the browser: storage areas and their change events.
const fake = vi.hoisted(() => {
  const state = {
    managed: undefined as Record<string, unknown> | undefined,
    managedThrows: false,
    /** How long each next read of managed storage takes, in ms (a slow first read at start). */
    managedDelays: [] as number[],
    local: {} as Record<string, unknown>,
    listeners: [] as Array<(changes: Record<string, unknown>, area: string) => void>,
  };
  const browser = {
    storage: {
      managed: {
        get: vi.fn(async () => {
          const delay = state.managedDelays.shift();
          if (delay) await new Promise((r) => setTimeout(r, delay));
          if (state.managedThrows) throw new Error('Managed storage manifest not found');
          return state.managed ?? {};
        }),
      },
      local: {
        // storage.local.get takes one key or a list of keys, and answers with those it holds.
        get: vi.fn(async (keys: string | string[]) => Object.fromEntries([keys].flat().filter((k) => k in state.local).map((k) => [k, state.local[k]]))),
        set: vi.fn(async (items: Record<string, unknown>) => {
          Object.assign(state.local, items);
          for (const l of state.listeners) l(Object.fromEntries(Object.keys(items).map((k) => [k, {}])), 'local');
        }),
      },
      onChanged: { addListener: (l: (changes: Record<string, unknown>, area: string) => void) => state.listeners.push(l) },
    },
  };
  return { state, browser };
});
vi.mock('../host/browser-api', () => ({ browser: fake.browser }));

async function freshPolicyModule() {
  vi.resetModules();
  return import('./policy');
}

beforeEach(() => {
  fake.state.managed = undefined;
  fake.state.managedThrows = false;
  fake.state.managedDelays = [];
  fake.state.local = {};
  fake.state.listeners = [];
});

describe('background policy', () => {
  it('applies IT’s managed policy over the preset and marks it', async () => {
    fake.state.managed = { authority: 'danang', attachmentMaxFileMB: 10 };
    const { getPolicy } = await freshPolicyModule();
    const s = await getPolicy();
    expect(s.policy.spamReportAddress).toBe('chanthurac@danang.gov.vn');
    expect(s.policy.attachmentMaxFileMB).toBe(10);
    expect(s.sources.attachmentMaxFileMB).toBe('managed');
    expect(s.usingCachedManaged).toBe(false);
  });

  it('keeps working when managed storage throws (Firefox without policies.json), with the last good policy', async () => {
    fake.state.local.lastManagedPolicy = { authority: 'danang', attachmentMaxFileMB: 15 };
    fake.state.managedThrows = true;
    const { getPolicy } = await freshPolicyModule();
    const s = await getPolicy();
    expect(s.policy.attachmentMaxFileMB).toBe(15);
    expect(s.usingCachedManaged).toBe(true);
  });

  it('falls back to the preset when there is no managed policy at all', async () => {
    fake.state.managedThrows = true;
    const { getPolicy } = await freshPolicyModule();
    const s = await getPolicy();
    expect(s.policy.authority).toBe('default');
    expect(s.errors).toEqual([]);
  });

  it('picks up a policy that arrives late, and a user change, without a restart', async () => {
    const { getPolicy, onPolicyChange } = await freshPolicyModule();
    expect((await getPolicy()).policy.authority).toBe('default');
    const changed = new Promise((resolve) => onPolicyChange(resolve));
    fake.state.managed = { authority: 'danang' };
    for (const l of fake.state.listeners) l({ authority: {} }, 'managed');
    await changed;
    expect((await getPolicy()).policy.authority).toBe('danang');
    await fake.browser.storage.local.set({ userPolicy: { language: 'en' } });
    await vi.waitFor(async () => expect((await getPolicy()).policy.language).toBe('en'));
  });

  it('shows a bad managed field as an error and keeps the safe value for it only', async () => {
    fake.state.managed = { authority: 'danang', attachmentMaxFileMB: 'hai mươi', spamReportAddress: 'spam@danang.gov.vn' };
    const { getPolicy } = await freshPolicyModule();
    const s = await getPolicy();
    expect(s.errors.map((e) => e.field)).toEqual(['attachmentMaxFileMB']);
    expect(s.policy.attachmentMaxFileMB).toBe(20);
    expect(s.policy.spamReportAddress).toBe('spam@danang.gov.vn');
  });
});

describe('background policy across restarts (issue 11)', () => {
  it('stores the policy set while the start’s own load was still reading, not the older one after it', async () => {
    fake.state.managedDelays = [50];
    const { getPolicy } = await freshPolicyModule();
    const first = getPolicy();
    await fake.browser.storage.local.set({ userPolicy: { authority: 'danang' } });
    await first;
    await vi.waitFor(() => expect((fake.state.local.resolvedPolicyState as { policy: { authority: string } } | undefined)?.policy.authority).toBe('danang'));
    await new Promise((r) => setTimeout(r, 100));
    expect((fake.state.local.resolvedPolicyState as { policy: { authority: string } }).policy.authority).toBe('danang');
    expect(JSON.stringify(fake.state.local.allSitesConfig)).toContain('Điều 9');
    expect((await getPolicy()).policy.authority).toBe('danang');
  });

  it('a start with the inputs of the stored state uses it as stored; changed inputs are resolved again', async () => {
    fake.state.local.userPolicy = { authority: 'danang', attachmentMaxFileMB: 12 };
    const { getPolicy: firstStart } = await freshPolicyModule();
    expect((await firstStart()).policy.attachmentMaxFileMB).toBe(12);
    // What the stored state says is what a restart answers, without resolving (marked here).
    (fake.state.local.resolvedPolicyState as { policy: { spamReportAddress: string } }).policy.spamReportAddress = 'stored@danang.gov.vn';
    const { getPolicy: restart } = await freshPolicyModule();
    expect((await restart()).policy.spamReportAddress).toBe('stored@danang.gov.vn');
    fake.state.local.userPolicy = { authority: 'danang', attachmentMaxFileMB: 15 };
    const { getPolicy: changed } = await freshPolicyModule();
    const s = await changed();
    expect(s.policy.attachmentMaxFileMB).toBe(15);
    expect(s.policy.spamReportAddress).not.toBe('stored@danang.gov.vn');
  });
});

describe('private record', () => {
  it('counts events in local storage only, and two at once both count', async () => {
    fake.state.local = {};
    vi.resetModules();
    const { record, getRecord } = await import('./record');
    await Promise.all([record('nudgesShown'), record('nudgesShown'), record({ unreadable: 'gmail:subject' })]);
    const r = await getRecord();
    expect(r.nudgesShown).toBe(2);
    expect(r.unreadable).toEqual({ 'gmail:subject': 1 });
    expect(fake.state.local.userRecord).toBeDefined();
  });
});
