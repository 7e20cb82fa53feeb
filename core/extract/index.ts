// Document text extraction: bytes in, text and link targets out, for every format a civil
// servant attaches (docx, xlsx, pptx, odt/ods/odp, pdf, eml, html, txt). The format is sniffed
// from the content; the file name is only a hint. Everything runs under the bounds in limits.ts,
// and every failure is an ExtractError with a code.
import { convertLegacyText } from '../encoding';
import type { DocumentNotice, DocumentSignatures, ExtractedDocument, ExtractedPart } from '../types';
import { extractDocx } from './docx';
import { extractEml } from './eml';
import { htmlToText } from './html';
import { Budget, ExtractError, resolveLimits, TextSink, type ExtractLimits } from './limits';
import { extractOdf } from './odf';
import { extractPdf } from './pdf';
import { extractPptx } from './pptx';
import { packageSignatures, pdfSignatures } from './signatures';
import { BINARY_RATIO, controlRatio, decodeText, headIsBinary } from './text';
import { extractXlsx } from './xlsx';
import { isZip, ZipArchive } from './zip';

export { DEFAULT_LIMITS, ExtractError, type ExtractErrorCode, type ExtractLimits } from './limits';
export { readNotices, type ReadNotice } from './notices';

export type DocumentFormat = 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'pdf' | 'eml' | 'html' | 'txt';

/**
 * File names a folder scan hands to this reader: every name under which it reads a format
 * (Office macro, template and show variants share their format's package layout; ODF
 * templates and masters share theirs), plus the legacy and foreign formats it recognises and
 * explains (.doc, .rtf, .msg: "save as …"). Anything else in a folder is listed as skipped.
 */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.docx', '.docm', '.dotx', '.dotm',
  '.xlsx', '.xlsm', '.xltx', '.xltm',
  '.pptx', '.pptm', '.potx', '.potm', '.ppsx', '.ppsm',
  '.odt', '.ott', '.odm', '.ods', '.ots', '.odp', '.otp',
  '.pdf', '.eml', '.mht', '.mhtml', '.html', '.htm', '.xhtml', '.txt', '.csv',
  '.doc', '.dot', '.xls', '.xlt', '.ppt', '.pps', '.pot', '.rtf', '.msg',
]);

/** What a reader may be given besides its bounds. */
export interface ExtractOptions {
  /** Root certificates (PEM or base64 DER) a signer's chain is checked against: the policy's. */
  trustedRoots?: readonly string[];
}

export async function extractDocument(name: string, bytes: Uint8Array, limits?: Partial<ExtractLimits>, options?: ExtractOptions): Promise<ExtractedDocument> {
  try {
    const budget = new Budget(resolveLimits(limits));
    budget.trustedRoots = options?.trustedRoots;
    return await extractWithBudget(String(name ?? ''), bytes, budget);
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    // Anything else is a parser tripping over bad input (or running out of memory on it).
    throw new ExtractError('corrupt', `The file could not be read (${err instanceof Error ? err.message.slice(0, 200) : 'unknown error'}).`);
  }
}

async function extractWithBudget(name: string, bytes: Uint8Array, budget: Budget): Promise<ExtractedDocument> {
  if (!(bytes instanceof Uint8Array)) throw new ExtractError('unsupported', 'The input is not a byte array.');
  if (bytes.length > budget.limits.maxInputBytes) {
    throw new ExtractError('too-large', `The file is ${bytes.length} bytes, over the ${budget.limits.maxInputBytes}-byte limit for reading.`);
  }
  budget.checkTime();
  // Text read straight from the bytes is never longer than they are (and maxInputBytes bounds
  // them), so such a file is read whole; only inflated text (archives, PDF) meets maxTextChars.
  const inflated = isZip(bytes) || isPdf(bytes);
  const sink = new TextSink(inflated ? budget.limits.maxTextChars : Math.max(budget.limits.maxTextChars, bytes.length));
  const parts: ExtractedPart[] = [];
  let senders: ExtractedDocument['senders'];
  let kind: 'package' | 'pdf' | ReturnType<typeof textKind> = 'package';
  let signatures: DocumentSignatures | undefined;

  if (isOle(bytes)) throw oleError(bytes);
  if (isZip(bytes)) {
    const zip = ZipArchive.open(bytes, budget);
    const format = zipFormat(zip);
    if (format === 'docx') extractDocx(zip, sink, budget);
    else if (format === 'xlsx') extractXlsx(zip, sink, budget);
    else if (format === 'pptx') extractPptx(zip, sink, budget);
    else extractOdf(zip, sink, budget, format === 'ods', format === 'odp');
    signatures = await packageSignatures(zip, format, budget);
  } else if (isPdf(bytes)) {
    kind = 'pdf';
    await extractPdf(bytes, sink, budget, parts, extractWithBudget);
    signatures = await pdfSignatures(bytes, budget);
  } else if (startsWithAscii(bytes, '{\\rtf')) {
    throw new ExtractError('unsupported', 'RTF documents are not supported; save the file as .docx or .pdf.', 'rtf');
  } else {
    // A name promising a package whose bytes are none is damaged or mislabelled: reading it
    // as text would call it clean.
    const promised = packageFormat(name);
    if (promised) throw new ExtractError('corrupt', `The file is not a valid ${promised} file (it is not a zip package).`, 'not-a-package', promised);
    const binary = () => new ExtractError('unsupported', 'The file is binary data of a type that is not supported.', 'binary');
    if (headIsBinary(bytes)) throw binary();
    const { text, cut } = decodeText(bytes, sink.capacity);
    if (controlRatio(text) > BINARY_RATIO) throw binary();
    kind = textKind(name, text);
    if (kind === 'eml') senders = await extractEml(bytes, sink, budget, parts, extractWithBudget);
    else if (kind === 'html') htmlToText(text, sink, budget);
    else sink.write(text);
    if (cut) sink.truncated = true;
  }

  // Legacy text also hides in documents with no legacy font to tell (TCVN3 typed in a
  // Unicode font, a .txt saved in TCVN3, a PDF): find it in the text itself.
  budget.checkTime();
  const found = convertLegacyText(sink.text());
  const doc: ExtractedDocument = { text: found.text, links: sink.links, legacy: [...sink.legacy, ...found.runs], parts };
  if (sink.truncated || sink.damaged) doc.truncated = true;
  if (senders) doc.senders = senders;
  if (signatures) doc.signatures = signatures;
  const notices: DocumentNotice[] = [];
  if (sink.truncated) notices.push({ code: 'text-cut', count: sink.size });
  if (sink.linksCut) notices.push({ code: 'links-cut', count: sink.links.length });
  if (sink.damaged) notices.push({ code: 'damaged' });
  // A message always has its headers; what it carries is judged part by part.
  if (kind !== 'eml' && sink.links.length === 0 && !hasText(found.text, sink.pages)) notices.push({ code: 'no-text' });
  if (notices.length > 0) doc.notices = notices;
  return doc;
}

/**
 * Whether there is text worth calling checked: for a PDF at least a few words a page (a scan
 * stamped "Scanned with CamScanner" on each page is still a scan), for anything else any
 * letter or digit at all.
 */
function hasText(text: string, pages: number): boolean {
  const needed = pages > 0 ? 32 * pages : 1;
  let seen = 0;
  for (const ch of text) {
    if (/[\p{L}\p{N}]/u.test(ch) && ++seen >= needed) return true;
  }
  return false;
}

/** The zip-based formats, by the extension their files carry. */
const PACKAGE_EXTENSIONS = new Set([
  'docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xltx', 'xltm', 'xlsb', 'pptx', 'pptm', 'potx', 'potm', 'ppsx', 'ppsm',
  'odt', 'ott', 'ods', 'ots', 'odp', 'otp', 'odg', 'otg', 'odm',
]);

function packageFormat(name: string): string | undefined {
  const ext = /\.([a-z]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  return ext && PACKAGE_EXTENSIONS.has(ext) ? ext.toUpperCase() : undefined;
}

function startsWithAscii(bytes: Uint8Array, s: string, at = 0): boolean {
  if (bytes.length < at + s.length) return false;
  for (let k = 0; k < s.length; k++) if (bytes[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** "%PDF-" within the first KiB (the spec tolerates junk before the header). */
function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let k = 0; k <= end; k++) if (bytes[k] === 0x25 && startsWithAscii(bytes, '%PDF-', k)) return true;
  return false;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, k) => bytes[k] === b);
}

/** Whether a stream name (stored UTF-16LE in the OLE directory) occurs in the file. */
function hasOleStream(bytes: Uint8Array, stream: string): boolean {
  const pattern = new Uint8Array(stream.length * 2);
  for (let k = 0; k < stream.length; k++) pattern[k * 2] = stream.charCodeAt(k);
  const first = pattern[0];
  outer: for (let k = 512; k + pattern.length <= bytes.length; k++) {
    if (bytes[k] !== first) continue;
    for (let m = 1; m < pattern.length; m++) if (bytes[k + m] !== pattern[m]) continue outer;
    return true;
  }
  return false;
}

/**
 * An OLE compound file is either a password-protected Office 2007+ file (Office wraps the
 * encrypted zip in OLE with EncryptionInfo/EncryptedPackage streams, MS-OFFCRYPTO 2.3.4) or a
 * legacy binary format this extractor does not read.
 */
function oleError(bytes: Uint8Array): ExtractError {
  if (hasOleStream(bytes, 'EncryptionInfo') || hasOleStream(bytes, 'EncryptedPackage')) {
    return new ExtractError('encrypted', 'The Office document is password-protected (encrypted).');
  }
  if (hasOleStream(bytes, 'WordDocument')) return new ExtractError('unsupported', 'Legacy Word 97-2003 (.doc) files are not supported; save the file as .docx.', 'legacy-doc');
  if (hasOleStream(bytes, 'Workbook') || hasOleStream(bytes, 'Book')) {
    return new ExtractError('unsupported', 'Legacy Excel 97-2003 (.xls) files are not supported; save the file as .xlsx.', 'legacy-xls');
  }
  if (hasOleStream(bytes, 'PowerPoint Document')) return new ExtractError('unsupported', 'Legacy PowerPoint 97-2003 (.ppt) files are not supported; save the file as .pptx.', 'legacy-ppt');
  if (hasOleStream(bytes, '__substg1.0_')) return new ExtractError('unsupported', 'Outlook .msg files are not supported; save the message as .eml.', 'outlook-msg');
  return new ExtractError('unsupported', 'This OLE compound file (legacy Office format) is not supported.', 'legacy-ole');
}

const ODF_TYPES: Record<string, DocumentFormat> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.text-master': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
};

function zipFormat(zip: ZipArchive): 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' {
  if (zip.has('mimetype')) {
    const type = (zip.readText('mimetype') ?? '').trim();
    const format = ODF_TYPES[type];
    if (format) {
      if (odfEncrypted(zip)) throw new ExtractError('encrypted', 'The OpenDocument file is password-protected (encrypted).');
      return format as 'odt' | 'ods' | 'odp';
    }
  }
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('ppt/presentation.xml')) return 'pptx';
  if (zip.has('content.xml')) return 'odt';
  throw new ExtractError('unsupported', 'The zip archive is not an office document this extractor reads.', 'zip-not-office');
}

/** ODF encryption is declared per entry in META-INF/manifest.xml (ODF 1.2 §3.8.3). */
function odfEncrypted(zip: ZipArchive): boolean {
  const manifest = zip.readText('META-INF/manifest.xml') ?? '';
  return /<manifest:encryption-data\b/.test(manifest);
}

function textKind(name: string, text: string): 'eml' | 'html' | 'txt' {
  const lower = name.toLowerCase();
  if (/\.(eml|mht|mhtml)$/.test(lower) || looksLikeMime(text)) return 'eml';
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])/.test(head)) return 'html';
  if (lower.endsWith('.txt')) return 'txt';
  return 'txt';
}

const KNOWN_HEADERS = /^(from|to|subject|date|received|message-id|mime-version|return-path|delivered-to|content-type|reply-to|cc|x-[a-z0-9-]+):/i;

/** RFC 5322 header block at the top with at least two headers, one of them a known one. */
function looksLikeMime(text: string): boolean {
  const head = text.slice(0, 16384);
  const end = head.search(/\r?\n\r?\n/);
  const lines = (end < 0 ? head : head.slice(0, end)).split(/\r?\n/);
  if (lines.length < 2) return false;
  let known = 0;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue;
    if (!/^[!-9;-~]+:/.test(line)) return false;
    if (KNOWN_HEADERS.test(line)) known++;
  }
  return known >= 2;
}
