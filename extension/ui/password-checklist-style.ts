// The checklist's own styles, inside its shadow root: the page's CSS cannot reach them.
export const CHECKLIST_CSS = `
:host { all: initial; display: block; }
.checklist { font: 13px/1.5 "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #1d2939;
  margin: 6px 0; padding: 8px 12px; max-width: 420px; border-radius: 8px; border: 1px solid #d0d5dd; border-left: 4px solid #2e5aac; background: #f5f8ff; }
.checklist.warn { border-left-color: #b54708; }
.checklist.block { border-left-color: #b42318; }
.head { font-weight: 600; color: #344054; margin-bottom: 4px; }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; gap: 6px; }
li.ok { color: #067647; }
li.todo { color: #344054; }
.mark { width: 1em; font-weight: 700; }
.detail { color: #93370d; }
.strength { margin-top: 6px; display: flex; align-items: center; gap: 8px; }
.bar { display: inline-block; width: 90px; height: 6px; border-radius: 3px; background: #eaecf0; overflow: hidden; }
.bar span { display: block; height: 100%; background: #b42318; }
.s2 .bar span { background: #dc6803; }
.s3 .bar span, .s4 .bar span { background: #067647; }
.notice { margin-top: 6px; font-weight: 600; }
.cite, .private { font-size: 12px; color: #475467; margin-top: 4px; }
button { font: inherit; margin-top: 6px; padding: 3px 10px; border-radius: 6px; border: 1px solid #2e5aac; background: #2e5aac; color: #fff; cursor: pointer; }
`;
