import { describe, expect, it } from 'vitest';
import { encodeCp1258 } from '../test/fixtures/docs/cp1258';
import { displayPath, escapeControls } from './path-text';

describe('displayPath', () => {
  it('keeps a UTF-8 name as it is', () => {
    expect(displayPath(Buffer.from('Công văn số 12.docx'))).toEqual({ display: 'Công văn số 12.docx', binary: false });
  });

  it('shows each byte of a CP1258 name that is not UTF-8 as \\xNN and keeps the UTF-8 runs', () => {
    const name = encodeCp1258('Tờ trình.docx');
    const shown = displayPath(name);
    expect(shown.binary).toBe(true);
    expect(shown.display).toMatch(/^T\\x[0-9A-F]{2}.*\.docx$/);
    expect(shown.display).not.toContain('\uFFFD');
  });

  it('does not take a truncated or overlong sequence for a character', () => {
    expect(displayPath(Uint8Array.from([0x61, 0xe1, 0xba, 0x2e])).display).toBe('a\\xE1\\xBA.');
    expect(displayPath(Uint8Array.from([0xc0, 0xaf])).display).toBe('\\xC0\\xAF');
  });
});

describe('escapeControls', () => {
  it('writes ESC, CR, BS, DEL, C1 and text-direction controls as JSON escapes', () => {
    expect(escapeControls('a\u001b[31mb\rc\bd\u007fe\u009bf\u202eg')).toBe('a\\u001b[31mb\\rc\\bd\\u007fe\\u009bf\\u202eg');
  });

  it('leaves Vietnamese text and Windows path separators alone', () => {
    expect(escapeControls('C:\\Tài liệu\\Báo cáo.docx')).toBe('C:\\Tài liệu\\Báo cáo.docx');
  });
});
