// The panes' HTML pages. office.js comes from the add-in's own folder (a closed network has no
// CDN), then the pane's script. Styles: calm colours as in the extension's banner, a system font
// stack that carries Vietnamese diacritics, and a layout that fits Outlook's 320–350 px pane.
import { t } from '../../core';
import { ADDIN_FILES } from '../handler-names';

export const PANE_CSS = `
:root { color-scheme: light; --text: #1d2939; --muted: #475467; --line: #d0d5dd; --card: #f7f9fb; --accent: #2e5aac; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font: 14px/1.5 "Segoe UI", "Segoe UI Web (West European)", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: #fff; min-width: 280px; max-width: 100%; overflow-x: hidden; overflow-wrap: anywhere; }
.pane { padding: 12px 14px 16px; }
.head { display: flex; align-items: center; gap: 8px; margin-bottom: 10px; }
h1 { font-size: 16px; font-weight: 600; margin: 0; flex: 1 1 auto; }
h2 { font-size: 13px; font-weight: 600; margin: 0 0 6px; display: flex; align-items: center; gap: 6px; }
h3 { font-size: 14px; font-weight: 600; margin: 0 0 2px; }
p { margin: 0 0 6px; }
.status { color: var(--muted); }
.group { margin: 0 0 12px; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { background: #f5f8ff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; padding: 8px 10px; margin: 0 0 8px; }
.warn .finding { background: #fffaeb; border-left-color: #b54708; }
.block .finding { background: #fef3f2; border-left-color: #b42318; }
.label { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 4px; background: #e0eaff; color: var(--accent); }
.label.warn { background: #fef0c7; color: #93370d; }
.label.block { background: #fee4e2; color: #912018; }
.count { font-size: 12px; color: var(--muted); font-weight: 400; }
.meta, .cite, .muted { font-size: 12px; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button { font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 6px; border: 1px solid #98a2b3; background: #fff; color: var(--text); cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: .6; cursor: default; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.note { background: #fff7e0; border-left: 3px solid #e3b341; border-radius: 4px; padding: 6px 10px; }
.note.error { background: #fef3f2; border-left-color: #d92d20; }
.done { background: #ecfdf3; border-left: 3px solid #12b76a; border-radius: 4px; padding: 6px 10px; margin: 0 0 10px; }
.done p:last-child { margin: 0; }
.clean { background: #ecfdf3; border-radius: 6px; padding: 8px 10px; color: #05603a; }
.it { border-top: 1px solid var(--line); margin-top: 14px; padding-top: 10px; font-size: 13px; }
.it ul { margin: 0; padding-left: 18px; }
`;

export type PaneKind = 'compose' | 'read';

/** Each pane's page, script and entry module (the page names are the manifest's). */
export const PANES: Record<PaneKind, { html: string; script: string; entry: string }> = {
  compose: { html: ADDIN_FILES.composePane, script: ADDIN_FILES.composePane.replace(/\.html$/, '.js'), entry: 'compose-main.tsx' },
  read: { html: ADDIN_FILES.readPane, script: ADDIN_FILES.readPane.replace(/\.html$/, '.js'), entry: 'read-main.tsx' },
};

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function paneHtml(kind: PaneKind): string {
  const title = t('vi', kind === 'compose' ? 'addin.pane.compose-title' : 'addin.pane.read-title');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)} · Công Vụ Guard</title>
<script src="${ADDIN_FILES.officeJs}"></script>
<style>${PANE_CSS}</style>
</head>
<body>
<div id="app"><p class="pane status">${escapeText(t('vi', 'addin.pane.loading'))}</p></div>
<script src="${PANES[kind].script}"></script>
</body>
</html>
`;
}
