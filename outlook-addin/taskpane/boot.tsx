// Start-up shared by both panes: wait for Office.onReady (bounded, so a host that never answers
// gets a calm message instead of a blank pane), then render the pane into #app.
import { render, type VNode } from 'preact';
import { t } from '../../core';
import { withTimeout } from '../office/call';

export const APP_ID = 'app';
export const OFFICE_READY_MS = 15_000;

function NoOffice() {
  return (
    <main class="pane" lang="vi">
      <p class="note error" role="alert">
        {t('vi', 'addin.pane.no-office')}
      </p>
    </main>
  );
}

export async function bootPane(pane: () => VNode, doc: Document = document): Promise<void> {
  const root = doc.getElementById(APP_ID) ?? doc.body.appendChild(doc.createElement('div'));
  const show = (vnode: VNode) => {
    // The static "Đang tải…" line the page carries until the script runs.
    root.textContent = '';
    render(vnode, root);
  };
  try {
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') throw new Error('office.js did not load');
    await withTimeout('Office.onReady', OFFICE_READY_MS, Office.onReady());
  } catch {
    show(<NoOffice />);
    return;
  }
  show(pane());
}
