// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { bootPane } from './boot';

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  document.body.textContent = '';
});

function page(): HTMLElement {
  const app = document.createElement('div');
  app.id = 'app';
  app.textContent = 'Đang tải Công Vụ Guard…';
  document.body.appendChild(app);
  return app;
}

describe('bootPane', () => {
  it('waits for Office.onReady, then renders the pane in place of the loading line', async () => {
    const app = page();
    let ready!: () => void;
    (globalThis as { Office?: unknown }).Office = { onReady: () => new Promise<void>((r) => (ready = r)) };
    const booted = bootPane(() => <p class="pane-ok">ok</p>);
    await new Promise((r) => setTimeout(r, 5));
    expect(app.textContent).toBe('Đang tải Công Vụ Guard…');
    ready();
    await booted;
    expect(app.textContent).toBe('ok');
  });

  it('without office.js the pane says so calmly instead of staying blank', async () => {
    const app = page();
    await bootPane(() => <p>never</p>);
    expect(app.textContent).toBe('Chưa kết nối được với Outlook. Anh/chị vui lòng đóng ngăn này và mở lại.');
    expect(app.querySelector('[role="alert"]')).not.toBeNull();
  });
});
