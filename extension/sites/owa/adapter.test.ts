// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableIframePageLoading":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true}}
// No second banner in Outlook on the web where Công Vụ Guard's add-in runs: its frames are the signal.
import { describe, expect, it } from 'vitest';
import { addinActive } from './adapter';

const withFrame = (src: string) => new DOMParser().parseFromString(`<!doctype html><body><div id="primaryContainer"><iframe src="${src}"></iframe></div></body>`, 'text/html');

describe('addinActive', () => {
  it('sees the add-in’s event runtime or pane loaded by Outlook on the web', () => {
    expect(addinActive(withFrame('https://mail.danang.gov.vn/congvu-guard/commands.html?_host_Info=Outlook$Web$16.01$vi-VN$$$$0'))).toBe(true);
    expect(addinActive(withFrame('https://intranet.danang.gov.vn/outlook/compose.html?et=&_host_Info=Outlook$Web$16.01$vi-VN'))).toBe(true);
  });

  it('ignores other frames: another add-in, our page outside Office, an OWA frame', () => {
    expect(addinActive(withFrame('https://addins.example.vn/taskpane.html?_host_Info=Outlook$Web$16.01$vi-VN'))).toBe(false);
    expect(addinActive(withFrame('https://mail.danang.gov.vn/congvu-guard/compose.html'))).toBe(false);
    expect(addinActive(withFrame('https://mail.danang.gov.vn/owa/projection.aspx'))).toBe(false);
    expect(addinActive(new DOMParser().parseFromString('<!doctype html><body></body>', 'text/html'))).toBe(false);
  });
});
