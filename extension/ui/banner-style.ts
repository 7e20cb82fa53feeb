// Styles live inside the banner's shadow root, so the webmail's CSS cannot reach them and
// ours cannot leak out. Calm colours; a system font stack that carries Vietnamese diacritics.
export const BANNER_CSS = `
:host { all: initial; display: block; }
.banner { font: 14px/1.45 "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #1d2939;
  margin: 6px 8px; padding: 10px 12px; border-radius: 8px; border: 1px solid #d0d5dd; border-left-width: 4px;
  background: #f5f8ff; border-left-color: #2e5aac; box-shadow: 0 1px 2px rgba(16, 24, 40, .06); }
.banner.warn { background: #fffaeb; border-left-color: #b54708; }
.banner.block { background: #fef3f2; border-left-color: #b42318; }
.head { display: flex; align-items: center; gap: 8px; font-weight: 600; font-size: 13px; color: #344054; }
.head .close { margin-left: auto; }
.notice { margin: 6px 0 2px; font-weight: 600; }
.item { margin-top: 8px; }
.item + .item { border-top: 1px solid rgba(16, 24, 40, .08); padding-top: 8px; }
.label { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 4px; background: #e0eaff; color: #2e5aac; margin-right: 6px; }
.warn .label.warn, .label.warn { background: #fef0c7; color: #93370d; }
.label.block { background: #fee4e2; color: #912018; }
.title { font-weight: 600; }
.text { margin: 4px 0; }
.cite { font-size: 12px; color: #475467; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 6px; border: 1px solid #98a2b3; background: #fff; color: #1d2939; cursor: pointer; }
button.primary { background: #2e5aac; border-color: #2e5aac; color: #fff; }
button:focus-visible { outline: 2px solid #2e5aac; outline-offset: 1px; }
button.close { border: none; background: transparent; font-size: 16px; line-height: 1; padding: 2px 6px; color: #475467; }
`;
