import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake of the one module that touches the browser: storage areas and their change events.
const fake = vi.hoisted(() => {
  const state = {
    managed: undefined as Record<string, unknown> | undefined,
    managedThrows: false,
    local: {} as Record<string, unknown>,
    listeners: [] as Array<(changes: Record<string, unknown>, area: string) => void>,
  };
  const browser = {
    storage: {
      managed: {
        get: vi.fn(async () => {
          if (state.managedThrows) throw new Error('Managed storage manifest not found');
          return state.managed ?? {};
        }),
      },
      local: {
        get: vi.fn(async (key: string) => (key in state.local ? { [key]: state.local[key] } : {})),
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

describe('background policy', () => {
  beforeEach(() => {
    fake.state.managed = undefined;
    fake.state.managedThrows = false;
    fake.state.local = {};
    fake.state.listeners = [];
  });

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
