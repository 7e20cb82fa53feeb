// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolvePolicy, type PolicyLayers } from '../../core/policy';
import type { PolicyState, Request } from '../host/messages';
import { Options, parseCertificates, parseList, userLayer, draftOf } from './options';

const fake = vi.hoisted(() => ({
  handler: (_msg: unknown): unknown => undefined,
  sent: [] as unknown[],
}));

vi.mock('../host/browser-api', () => ({
  browser: {
    runtime: {
      sendMessage: async (msg: unknown) => {
        fake.sent.push(msg);
        return fake.handler(msg);
      },
      openOptionsPage: async () => undefined,
    },
    tabs: { query: async () => [] },
  },
}));

const MANAGED = { attachmentMaxFileMB: 10 };

function stateOf(layers: PolicyLayers = {}, cached = false): PolicyState {
  return { ...resolvePolicy({ preset: 'danang', managed: MANAGED, ...layers }), usingCachedManaged: cached };
}

/** A background that answers from fixtures and resolves what the page saves over the same layers. */
function serve(initial: PolicyState, managed: unknown = MANAGED): void {
  fake.handler = (raw) => {
    const msg = raw as Request;
    if (msg.type === 'get-policy') return initial;
    if (msg.type === 'set-user-policy') return { ...resolvePolicy({ preset: 'danang', managed, user: msg.policy }), usingCachedManaged: false };
    return undefined;
  };
}

const saves = () => fake.sent.filter((m) => (m as Request).type === 'set-user-policy') as Array<{ type: 'set-user-policy'; policy: unknown }>;

let container: HTMLElement;

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function mount(): Promise<HTMLElement> {
  await act(async () => {
    render(<Options />, container);
  });
  await settle();
  return container;
}

function control<T extends HTMLElement>(root: HTMLElement, id: string): T {
  const el = root.querySelector<T>(`#f-${id}`);
  if (!el) throw new Error(`no control #f-${id}`);
  return el;
}

function fieldOf(root: HTMLElement, id: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-field="${id}"]`);
  if (!el) throw new Error(`no field ${id}`);
  return el;
}

async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(el: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function submit(root: HTMLElement): Promise<void> {
  await act(async () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  fake.sent = [];
  serve(stateOf());
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('options page', () => {
  it('is in Vietnamese by default', async () => {
    const root = await mount();
    expect(root.querySelector('h1')?.textContent).toBe('Thiết lập Công Vụ Guard');
    expect(document.title).toBe('Thiết lập Công Vụ Guard');
    expect(document.documentElement.lang).toBe('vi');
    expect(fieldOf(root, 'officialDomains').querySelector('label')?.textContent).toBe('Tên miền thư công vụ');
  });

  it('shows IT’s limit of 10 MB locked, with the lock and who set it', async () => {
    const root = await mount();
    const input = control<HTMLInputElement>(root, 'attachmentMaxFileMB');
    expect(input.value).toBe('10');
    expect(input.disabled).toBe(true);
    const field = fieldOf(root, 'attachmentMaxFileMB');
    expect(field.textContent).toContain('MB');
    expect(field.querySelector('svg.lock')?.getAttribute('aria-label')).toBe('Đã khóa');
    expect(field.textContent).toContain('Do bộ phận CNTT đặt, không thể thay đổi');
  });

  it('lets the user edit a preset value, saying where it came from', async () => {
    const root = await mount();
    const total = control<HTMLInputElement>(root, 'attachmentMaxTotalMB');
    expect(total.value).toBe('20');
    expect(total.disabled).toBe(false);
    expect(fieldOf(root, 'attachmentMaxTotalMB').textContent).toContain('Nguồn: mặc định theo Đà Nẵng');
    expect(fieldOf(root, 'attachmentMaxTotalMB').querySelector('svg.lock')).toBeNull();
    expect(control<HTMLTextAreaElement>(root, 'officialDomains').value).toBe('danang.gov.vn\nquangnam.gov.vn');
    expect(control<HTMLSelectElement>(root, 'rules-secret-document').disabled).toBe(false);
  });

  it('shows every field of the schema and every rule', async () => {
    const root = await mount();
    for (const id of ['authority', 'officialDomains', 'officialWebmailUrl', 'spamReportAddress', 'attachmentMaxFileMB', 'attachmentMaxTotalMB', 'moveReportedSpamToJunk', 'extraPublicDomains', 'language', 'officialWebmailUrls']) {
      expect(root.querySelector(`#f-${id}`), id).not.toBeNull();
    }
    for (const id of ['public-webmail-work', 'public-contact-in-document', 'attachment-size', 'secret-document', 'unicode-text']) {
      expect(root.querySelector(`#f-rules-${id}`), id).not.toBeNull();
    }
    const modes = [...control<HTMLSelectElement>(root, 'rules-unicode-text').options].map((o) => o.textContent);
    expect(modes).toEqual(['Tắt', 'Gợi ý', 'Lưu ý', 'Chặn']);
  });

  it('saves only the changed field to the user layer, and shows the result', async () => {
    const root = await mount();
    await type(control<HTMLInputElement>(root, 'attachmentMaxTotalMB'), '30');
    await submit(root);
    expect(saves()).toEqual([{ type: 'set-user-policy', policy: { attachmentMaxTotalMB: 30 } }]);
    expect(root.querySelector('.result')?.textContent).toContain('Đã lưu');
    expect(control<HTMLInputElement>(root, 'attachmentMaxTotalMB').value).toBe('30');
    expect(fieldOf(root, 'attachmentMaxTotalMB').textContent).toContain('Nguồn: thiết lập của anh/chị');
  });

  it('saves a rule mode and a domain list typed with commas and lines', async () => {
    const root = await mount();
    await choose(control<HTMLSelectElement>(root, 'rules-unicode-text'), 'block');
    await type(control<HTMLTextAreaElement>(root, 'extraPublicDomains'), 'vnn.vn, hcm.vnn.vn\nfpt.vn');
    await submit(root);
    expect(saves()).toEqual([{ type: 'set-user-policy', policy: { extraPublicDomains: ['vnn.vn', 'hcm.vnn.vn', 'fpt.vn'], rules: { 'unicode-text': 'block' } } }]);
  });

  it('keeps the user’s earlier settings when saving another change', async () => {
    serve(stateOf({ user: { attachmentMaxTotalMB: 25 } }));
    const root = await mount();
    await choose(control<HTMLSelectElement>(root, 'language'), 'en');
    await submit(root);
    expect(saves()).toEqual([{ type: 'set-user-policy', policy: { attachmentMaxTotalMB: 25, language: 'en' } }]);
    // The page follows the language just chosen.
    expect(root.querySelector('h1')?.textContent).toBe('Công Vụ Guard settings');
  });

  it('does not send anything when nothing changed', async () => {
    const root = await mount();
    await submit(root);
    expect(saves()).toEqual([]);
    expect(root.querySelector('.result')?.textContent).toContain('Chưa có thay đổi nào.');
  });

  it('does not save a bad value, and names the field', async () => {
    const root = await mount();
    await type(control<HTMLInputElement>(root, 'attachmentMaxTotalMB'), '5000');
    await submit(root);
    expect(saves()).toEqual([]);
    const result = root.querySelector('.result')?.textContent ?? '';
    expect(result).toContain('Chưa lưu');
    expect(result).toContain('attachmentMaxTotalMB');
    expect(result).toContain('một số nguyên từ 1 đến 1024');
  });

  it('shows a bad policy’s errors at the top for IT, naming each field', async () => {
    serve(stateOf({ managed: { attachmentMaxFileMB: 10, spamReportAddress: 'not an address', rules: { 'secret-document': 'loud' } } }));
    const root = await mount();
    const problems = root.querySelector('.problems');
    expect(problems).not.toBeNull();
    expect(root.firstElementChild?.children[1]).toBe(problems);
    expect(problems?.querySelector('h2')?.textContent).toBe('Chính sách có lỗi (dành cho bộ phận CNTT)');
    const items = [...(problems?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Thiết lập: Địa chỉ nhận báo cáo thư rác (spamReportAddress)');
    expect(items[0]).toContain('Chính sách (do bộ phận CNTT đặt)');
    expect(items[0]).toContain('“spamReportAddress” = "not an address" không hợp lệ');
    expect(items[1]).toContain('rules.secret-document');
    expect(fieldOf(root, 'spamReportAddress').classList.contains('has-error')).toBe(true);
  });

  it('refuses a public webmail domain typed as official before saving, with the reason, through the shared policy checks', async () => {
    const root = await mount();
    await type(control<HTMLTextAreaElement>(root, 'officialDomains'), 'danang.gov.vn\ngmail.com');
    await submit(root);
    expect(saves()).toEqual([]);
    const result = root.querySelector('.result')?.textContent ?? '';
    expect(result).toContain('officialDomains[1]');
    expect(result).toContain('gmail.com là tên miền thư điện tử công cộng');
  });

  it('lists IT’s settings worth checking apart from the errors', async () => {
    serve(stateOf({ managed: { attachmentMaxFileMB: 10, officialDomains: ['danang.gov.vn', 'mail.danang.gov.vn'] } }));
    const root = await mount();
    expect(root.querySelector('.problems')).toBeNull();
    const warnings = root.querySelector('.warnings');
    expect(warnings?.querySelector('h2')?.textContent).toBe('Các thiết lập nên kiểm tra lại:');
    expect(warnings?.textContent).toContain('mail.danang.gov.vn có vẻ là tên một máy chủ');
  });

  it('notes when the last good managed policy is in use', async () => {
    serve(stateOf({}, true));
    const root = await mount();
    expect(root.textContent).toContain('chính sách nhận được gần nhất vẫn đang áp dụng');
  });

  it('is in English when the policy says so', async () => {
    serve(stateOf({ user: { language: 'en' } }));
    const root = await mount();
    expect(root.querySelector('h1')?.textContent).toBe('Công Vụ Guard settings');
    expect(fieldOf(root, 'attachmentMaxFileMB').textContent).toContain('Set by IT, cannot be changed');
    expect(fieldOf(root, 'attachmentMaxTotalMB').textContent).toContain('Source: preset for Đà Nẵng');
  });

  it('clears the user layer on request', async () => {
    serve(stateOf({ user: { attachmentMaxTotalMB: 25 } }));
    const root = await mount();
    const reset = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Xóa thiết lập cá nhân');
    expect(reset).toBeDefined();
    await act(async () => reset?.click());
    await settle();
    expect(saves()).toEqual([{ type: 'set-user-policy', policy: {} }]);
    expect(control<HTMLInputElement>(root, 'attachmentMaxTotalMB').value).toBe('20');
  });

  it('renders policy values as text only', async () => {
    serve(stateOf({ managed: { attachmentMaxFileMB: 10, officialWebmailUrl: '<img src=x onerror=alert(1)>' } }));
    const root = await mount();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.problems')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('user layer', () => {
  it('never copies managed or preset values and never writes a locked field', () => {
    const state = stateOf();
    const draft = { ...draftOf(state.policy), attachmentMaxFileMB: '15' };
    expect(userLayer(state, draft)).toEqual({ layer: {}, changed: [] });
  });

  it('treats domains typed differently but meaning the same as unchanged', () => {
    const state = stateOf();
    const draft = { ...draftOf(state.policy), officialDomains: '@Danang.gov.vn, quangnam.gov.vn.' };
    expect(userLayer(state, draft).changed).toEqual([]);
  });

  it('splits domain lists on commas, semicolons, spaces and lines', () => {
    expect(parseList(' a.gov.vn,b.gov.vn;\n c.gov.vn  ')).toEqual(['a.gov.vn', 'b.gov.vn', 'c.gov.vn']);
  });
});

// unsigned-document (issue 14): roots are pasted as PEM blocks (which hold spaces and line
// breaks) or base64 DER lines; each certificate stays whole.
describe('trusted signature roots typed in the options page', () => {
  it('keeps a PEM block whole beside a base64 DER line', () => {
    const der = 'MIIB' + 'A'.repeat(80);
    const pem = `-----BEGIN CERTIFICATE-----\n${'B'.repeat(64)}\n${'C'.repeat(20)}==\n-----END CERTIFICATE-----`;
    expect(parseCertificates(`${pem}\n\n${der}\n`)).toEqual([pem, der]);
  });
});
