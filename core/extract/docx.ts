// Word (.docx, .docm, .dotx): body, headers, footers, footnotes, endnotes and comments. Runs in a
// TCVN3 or VNI font (direct or inherited through styles) are converted to Unicode.
import { decodeLegacy, fontEncoding, type LegacyEncoding } from '../encoding/index';
import { ExtractError, type Budget, type TextSink } from './limits';
import { readPart } from './parts';
import { attr, entriesMatching, hyperlinkTargets, parseZipXmlIf, type AttrSource } from './xml';
import type { ZipArchive } from './zip';

interface StyleInfo {
  basedOn?: string;
  font?: string;
}

interface Styles {
  byId: Map<string, StyleInfo>;
  defaultFont?: string;
  defaultParagraph?: string;
}

type LegacyFont = { encoding: LegacyEncoding; capitals: boolean } | undefined;

const runFont = (a: AttrSource) => attr(a, 'ascii') ?? attr(a, 'hAnsi');

/**
 * What the name of a legacy font (encoding/fonts.ts: ".VnTime", "VNI-Times", "VnTimeH") always
 * holds, or a character reference or DOCTYPE that could spell it. Styles without any name no
 * legacy font, and are not parsed: their fonts would change no run's reading. Parsing them was
 * a fifth of a small Word document's reading (issue 11); "vi-VN", in most Vietnamese
 * documents' styles, is not such a sign.
 */
const mayNameLegacyFont = (text: string) => /\.vn|vni[-_\s]|&#|<!doctype/i.test(text) || /Vn[A-Z]/.test(text);

function readStyles(zip: ZipArchive): Styles {
  const styles: Styles = { byId: new Map() };
  let current: StyleInfo | undefined;
  let inDefaults = false;
  let depthInPPr = 0;
  try {
    parseZipXmlIf(zip, 'word/styles.xml', {
      open(name, a) {
        if (name === 'style') {
          current = { basedOn: undefined };
          const id = attr(a, 'styleId');
          if (id) styles.byId.set(id, current);
          if (attr(a, 'type') === 'paragraph' && (attr(a, 'default') === '1' || attr(a, 'default') === 'true')) styles.defaultParagraph = id;
        } else if (name === 'rPrDefault') inDefaults = true;
        else if (name === 'pPr') depthInPPr++;
        else if (name === 'basedOn' && current) current.basedOn = attr(a, 'val');
        else if (name === 'rFonts' && depthInPPr === 0) {
          if (current) current.font = runFont(a) ?? current.font;
          else if (inDefaults) styles.defaultFont = runFont(a) ?? styles.defaultFont;
        }
      },
      close(name) {
        if (name === 'style') current = undefined;
        else if (name === 'rPrDefault') inDefaults = false;
        else if (name === 'pPr') depthInPPr--;
      },
    }, mayNameLegacyFont);
  } catch (err) {
    // Without styles, only direct run fonts are known; the text itself is unaffected. A styles
    // part this runtime cannot read at all (a DOCTYPE in Outlook's launch file) is said, not skipped.
    if (err instanceof ExtractError && err.code === 'unsupported') throw err;
  }
  return styles;
}

function styleFont(styles: Styles, id: string | undefined): string | undefined {
  for (let i = 0; id && i < 32; i++) {
    const s = styles.byId.get(id);
    if (!s) return undefined;
    if (s.font) return s.font;
    id = s.basedOn;
  }
  return undefined;
}

/** Wraps fontEncoding so a failing encoding module costs legacy detection, not the document. */
function legacyFontLookup(): (font: string | undefined) => LegacyFont {
  const cache = new Map<string, LegacyFont>();
  return (font) => {
    if (!font) return undefined;
    if (!cache.has(font)) {
      let enc: LegacyFont;
      try {
        enc = fontEncoding(font);
      } catch {
        enc = undefined;
      }
      cache.set(font, enc);
    }
    return cache.get(font);
  };
}

const HYPERLINK_FIELD = /HYPERLINK\s+(?:"([^"]+)"|([^\s"\\]+))/i;

export function extractDocx(zip: ZipArchive, sink: TextSink, budget: Budget): void {
  const styles = readStyles(zip);
  const legacyOf = legacyFontLookup();

  const parts = [
    'word/document.xml',
    ...entriesMatching(zip, /^word\/header\d*\.xml$/),
    ...entriesMatching(zip, /^word\/footer\d*\.xml$/),
    'word/footnotes.xml',
    'word/endnotes.xml',
    'word/comments.xml',
  ];
  for (const part of parts) {
    budget.checkTime();
    if (!zip.has(part)) continue;
    readWordPart(zip, part, sink, styles, legacyOf, part === 'word/document.xml');
    for (const target of hyperlinkTargets(zip, part)) sink.link(target);
  }
}

function readWordPart(zip: ZipArchive, part: string, sink: TextSink, styles: Styles, legacyOf: (f: string | undefined) => LegacyFont, main: boolean): void {
  let pStyle: string | undefined;
  let inPPr = 0;
  let inRun = false;
  let inRPr = false;
  let runDirectFont: string | undefined;
  let runStyle: string | undefined;
  let runLegacy: LegacyFont | null = null; // null: not resolved yet for this run
  let inText = false;
  let inInstr = false;
  let instr = '';
  let skip = 0; // inside mc:Fallback (a copy of mc:Choice) or deleted text

  let pending: { encoding: LegacyEncoding; capitals: boolean; text: string } | undefined;
  const flushLegacy = () => {
    if (!pending) return;
    const { encoding, capitals, text } = pending;
    pending = undefined;
    let converted: string;
    try {
      converted = decodeLegacy(text, encoding, { capitals }).normalize('NFC');
    } catch {
      sink.write(text);
      return;
    }
    sink.write(converted);
    sink.legacy.push({ encoding, original: text, converted });
  };
  const write = (s: string) => {
    flushLegacy();
    sink.write(s);
  };
  const fieldDone = () => {
    const m = HYPERLINK_FIELD.exec(instr);
    if (m) sink.link(m[1] ?? m[2]);
    instr = '';
  };

  readPart(
    zip,
    part,
    sink,
    {
      open(name, a) {
        if (skip) {
          if (name === 'Fallback' || name === 'del') skip++;
          return;
        }
        switch (name) {
          case 'Fallback':
          case 'del':
            skip = 1;
            break;
          case 'p':
            pStyle = undefined;
            break;
          case 'pPr':
            inPPr++;
            break;
          case 'pStyle':
            pStyle = attr(a, 'val');
            break;
          case 'r':
            inRun = true;
            runDirectFont = undefined;
            runStyle = undefined;
            runLegacy = null;
            break;
          case 'rPr':
            if (inRun && !inPPr) inRPr = true;
            break;
          case 'rFonts':
            if (inRPr) runDirectFont = runFont(a) ?? runDirectFont;
            break;
          case 'rStyle':
            if (inRPr) runStyle = attr(a, 'val');
            break;
          case 't':
            if (inRun) inText = true;
            break;
          case 'instrText':
            inInstr = true;
            break;
          case 'fldChar': {
            const type = attr(a, 'fldCharType');
            if (type === 'begin') instr = '';
            else fieldDone();
            break;
          }
          case 'fldSimple':
            instr = attr(a, 'instr') ?? '';
            fieldDone();
            break;
          case 'tab':
            if (inRun) write('\t');
            break;
          case 'br':
          case 'cr':
            if (inRun) write('\n');
            break;
          case 'noBreakHyphen':
            if (inRun) write('-');
            break;
        }
      },
      close(name) {
        if (skip) {
          if (name === 'Fallback' || name === 'del') skip--;
          return;
        }
        switch (name) {
          case 'pPr':
            inPPr--;
            break;
          case 'rPr':
            inRPr = false;
            break;
          case 'r':
            inRun = false;
            break;
          case 't':
            inText = false;
            break;
          case 'instrText':
            inInstr = false;
            break;
          case 'p':
            write('\n');
            break;
          case 'tc':
            flushLegacy();
            sink.space();
            break;
        }
      },
      text(t) {
        if (skip) return;
        if (inInstr) {
          instr += t;
          return;
        }
        if (!inText) return;
        if (runLegacy === null) {
          const font = runDirectFont ?? styleFont(styles, runStyle) ?? styleFont(styles, pStyle ?? styles.defaultParagraph) ?? styles.defaultFont;
          runLegacy = legacyOf(font);
        }
        if (!runLegacy) {
          write(t);
          return;
        }
        if (pending && (pending.encoding !== runLegacy.encoding || pending.capitals !== runLegacy.capitals)) flushLegacy();
        pending ??= { encoding: runLegacy.encoding, capitals: runLegacy.capitals, text: '' };
        pending.text += t;
      },
    },
    main,
  );
  flushLegacy();
}
