// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolvePolicy, type PolicyLayers } from '../../core/policy';
import { EMPTY_RECORD, type PolicyState, type Request, type TabStatus, type UserRecord } from '../host/messages';
import { Popup } from './popup';

const fake = vi.hoisted(() => ({
  handler: (_msg: unknown): unknown => undefined,
  sent: [] as unknown[],
  tabs: [{ id: 7 }] as Array<{ id?: number }>,
  openOptionsPage: vi.fn(async () => undefined),
}));

vi.mock('../host/browser-api', () => ({
  browser: {
    runtime: {
      sendMessage: async (msg: unknown) => {
        fake.sent.push(msg);
        return fake.handler(msg);
      },
      openOptionsPage: fake.openOptionsPage,
    },
    tabs: { query: async () => fake.tabs },
  },
}));

function stateOf(layers: PolicyLayers = {}, cached = false): PolicyState {
  return { ...resolvePolicy({ preset: 'danang', managed: { attachmentMaxFileMB: 10 }, ...layers }), usingCachedManaged: cached };
}

const RECORD: UserRecord = { ...EMPTY_RECORD, nudgesShown: 4, openedOfficialWebmail: 3, sendsStopped: 2, oversizeFilesStopped: 1 };

function answer(policy: PolicyState, tab: TabStatus | null, record: UserRecord = RECORD): void {
  fake.handler = (raw) => {
    const msg = raw as Request;
    if (msg.type === 'get-policy') return policy;
    if (msg.type === 'get-record') return record;
    if (msg.type === 'get-tab-status') return msg.tabId === 7 ? tab : null;
    return undefined;
  };
}

let container: HTMLElement;

async function mount(): Promise<HTMLElement> {
  await act(async () => {
    render(<Popup />, container);
  });
  // Let the three answers arrive and the popup re-render.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return container;
}

function rowOf(root: HTMLElement, label: string): HTMLElement {
  const dt = [...root.querySelectorAll('dt')].find((d) => d.textContent === label);
  if (!dt?.parentElement) throw new Error(`no row labelled ${label}`);
  return dt.parentElement;
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  fake.sent = [];
  fake.tabs = [{ id: 7 }];
  fake.openOptionsPage.mockClear();
  answer(stateOf(), { site: 'gmail', composes: 2, findings: 1 });
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('popup', () => {
  it('shows what it is doing on this tab, in Vietnamese by default', async () => {
    const root = await mount();
    expect(root.querySelector('h1')?.textContent).toBe('Công Vụ Guard');
    expect(root.querySelector('[data-testid="tab-status"]')?.textContent).toBe('Đang bảo vệ Gmail: 2 thư đang soạn, 1 lưu ý');
    expect(fake.sent).toContainEqual({ type: 'get-tab-status', tabId: 7 });
    expect(document.documentElement.lang).toBe('vi');
  });

  it('says so when the tab is not a supported public mailbox', async () => {
    answer(stateOf(), null);
    const root = await mount();
    expect(root.querySelector('[data-testid="tab-status"]')?.textContent).toBe('Trang này không phải hộp thư công cộng được hỗ trợ');
  });

  it('says so when the active tab has no id', async () => {
    fake.tabs = [];
    const root = await mount();
    expect(root.querySelector('[data-testid="tab-status"]')?.textContent).toBe('Trang này không phải hộp thư công cộng được hỗ trợ');
    expect(fake.sent.some((m) => (m as Request).type === 'get-tab-status')).toBe(false);
  });

  it('shows the policy in force, marking what IT manages', async () => {
    const root = await mount();
    const limit = rowOf(root, 'Giới hạn tệp đính kèm');
    expect(limit.querySelector('.value')?.textContent).toBe('10 MB mỗi tệp, tổng 20 MB mỗi thư');
    expect(limit.textContent).toContain('Do bộ phận CNTT quản lý');
    expect(limit.querySelector('svg.lock')).not.toBeNull();

    const domains = rowOf(root, 'Tên miền thư công vụ');
    expect(domains.querySelector('.value')?.textContent).toBe('danang.gov.vn, quangnam.gov.vn');
    expect(domains.textContent).not.toContain('Do bộ phận CNTT quản lý');

    expect(rowOf(root, 'Địa chỉ nhận báo cáo thư rác').textContent).toContain('chanthurac@danang.gov.vn');

    const link = rowOf(root, 'Hộp thư công vụ (webmail)').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://mail.danang.gov.vn/');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toContain('noopener');
    expect(link?.textContent).toBe('https://mail.danang.gov.vn');
  });

  it('names each rule’s mode in words', async () => {
    answer(stateOf({ managed: { attachmentMaxFileMB: 10, rules: { 'unicode-text': 'off' } } }), null);
    const root = await mount();
    expect(rowOf(root, 'Thư công vụ gửi từ hộp thư công cộng').textContent).toContain('Lưu ý');
    expect(rowOf(root, 'Văn bản mật').textContent).toContain('Chặn');
    const unicode = rowOf(root, 'Chữ Việt Unicode');
    expect(unicode.textContent).toContain('Tắt');
    expect(unicode.textContent).toContain('Do bộ phận CNTT quản lý');
  });

  it('shows the private record, gently, and says it stays on this computer', async () => {
    const root = await mount();
    expect(rowOf(root, 'Lời nhắc đã xem').querySelector('dd')?.textContent).toBe('4');
    expect(rowOf(root, 'Số lần mở hộp thư công vụ').querySelector('dd')?.textContent).toBe('3');
    expect(rowOf(root, 'Số lần tạm dừng gửi để xem lại').querySelector('dd')?.textContent).toBe('2');
    expect(rowOf(root, 'Tệp quá dung lượng được phát hiện trước khi gửi').querySelector('dd')?.textContent).toBe('1');
    expect(root.textContent).toContain('chỉ lưu trên máy này, không gửi đi đâu');
  });

  it('points to the settings page when the policy has errors', async () => {
    answer(stateOf({ managed: { attachmentMaxFileMB: 'ten' } }), null);
    const root = await mount();
    expect(root.textContent).toContain('Một số thiết lập trong chính sách chưa dùng được');
  });

  it('opens the options page', async () => {
    const root = await mount();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Mở trang thiết lập');
    await act(async () => button?.click());
    expect(fake.openOptionsPage).toHaveBeenCalledOnce();
  });

  it('speaks English when the policy says so', async () => {
    answer(stateOf({ user: { language: 'en' } }), { site: 'outlook-com', composes: 1, findings: 0 });
    const root = await mount();
    expect(root.querySelector('[data-testid="tab-status"]')?.textContent).toBe('Protecting Outlook.com: 1 message being written, 0 notes');
    expect(rowOf(root, 'Attachment limit').textContent).toContain('10 MB per file, 20 MB per message');
    expect(rowOf(root, 'Attachment limit').textContent).toContain('Managed by IT');
    expect(root.textContent).toContain('Kept only on this computer, never sent anywhere.');
  });

  it('renders whatever it is told as text, never as markup', async () => {
    answer(stateOf(), { site: '<img src=x onerror=alert(1)>', composes: 1, findings: 1 });
    const root = await mount();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-testid="tab-status"]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('says the extension is unreachable instead of hanging', async () => {
    fake.handler = () => Promise.reject(new Error('Could not establish connection'));
    const root = await mount();
    expect(root.textContent).toContain('Chưa kết nối được với tiện ích');
  });
});
