// manifest.xml: validated offline against the [MS-OWEMXML] schemas with xmllint, then checked for
// what the schemas cannot see (resids, handler names, URLs, requirement sets, NFC text).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDIN_FILES, HANDLERS } from '../../outlook-addin/handler-names';
import { MANIFEST_CONTROL_IDS, PLACEHOLDER_BASE } from '../../outlook-addin/manifest/rewrite';
import { INFO_ICON_ID } from '../../outlook-addin/office/notifications';
import {
  attr,
  child,
  collectUrls,
  compareVersions,
  find,
  mailboxMinVersion,
  NS,
  parseXml,
  pngSize,
  readManifest,
  REPO_ROOT,
  walkScope,
  xmllint,
  xsiType,
  type El,
} from './manifest-helpers';

const xml = readManifest();
const root = parseXml(xml);

function versionOverrides(): { v10: El; v11: El } {
  const v10 = root.children.find((c) => c.local === 'VersionOverrides' && c.uri === NS.mail10);
  const v11 = v10?.children.find((c) => c.local === 'VersionOverrides' && c.uri === NS.mail11);
  if (!v10 || !v11) throw new Error('manifest.xml needs VersionOverrides V1_0 with a nested V1_1');
  return { v10, v11 };
}

function extensionPoints(scope: El, type: string): El[] {
  return [...walkScope(scope)].filter((e) => e.local === 'ExtensionPoint' && xsiType(e) === type);
}

describe('manifest.xml against the [MS-OWEMXML] schemas (xmllint)', () => {
  it('validates', () => {
    const r = xmllint(xml);
    expect(r.output).toMatch(/validates$/);
    expect(r.status, r.output).toBe(0);
  });

  it('fails when a required element is removed (the check can fail)', () => {
    const broken = xml.replace(/<Id>[^<]*<\/Id>/, '');
    expect(broken).not.toBe(xml);
    const r = xmllint(broken);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/Id/);
    expect(r.output).toMatch(/fails to validate/);
  });

  it('fails on a send mode the schema does not know', () => {
    const broken = xml.replace(/(<LaunchEvent\s[^>]*SendMode=")\w+"/, '$1HardBlock"');
    expect(broken).not.toBe(xml);
    const r = xmllint(broken);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/HardBlock/);
  });
});

describe('manifest.xml: what the schemas cannot check', () => {
  it('is a MailApp with a stable Id, vi-VN default locale and en-US overrides', () => {
    expect(root.local).toBe('OfficeApp');
    expect(root.uri).toBe(NS.app);
    expect(xsiType(root)).toBe('MailApp');
    expect(child(root, 'Id')?.text).toBe('66fc83dd-91c3-46a6-ae57-634313e10b49');
    expect(child(root, 'DefaultLocale')?.text).toBe('vi-VN');
    expect(attr(child(root, 'DisplayName')!, 'DefaultValue')).toBe('Công Vụ Guard');
    expect(child(root, 'Permissions')?.text).toBe('ReadWriteMailbox');
    for (const s of find(root, (e) => e.uri === NS.bt && e.local === 'String')) {
      expect(s.children.map((o) => attr(o, 'Locale')), attr(s, 'id')).toContain('en-US');
    }
  });

  it('keeps the top-level minimum at or below Mailbox 1.5 (Exchange 2016/2019/SE)', () => {
    const min = mailboxMinVersion(child(root, 'Requirements')!);
    expect(min).toBeDefined();
    expect(compareVersions(min!, '1.5')).toBeLessThanOrEqual(0);
  });

  it('keeps both VersionOverrides at or below 1.5, so on-premises mailboxes apply them', () => {
    const { v10, v11 } = versionOverrides();
    const m10 = mailboxMinVersion(child(v10, 'Requirements')!);
    const m11 = mailboxMinVersion(child(v11, 'Requirements')!);
    expect(m10).toBe('1.3');
    expect(compareVersions(m11!, '1.5')).toBeLessThanOrEqual(0);
  });

  it('names only functions from HANDLERS, and every one of them', () => {
    const names = new Set<string>();
    for (const e of find(root, () => true)) {
      const a = attr(e, 'FunctionName');
      if (a !== undefined) names.add(a);
      if (e.local === 'FunctionName') names.add(e.text.trim());
    }
    const known = new Set<string>(Object.values(HANDLERS));
    for (const n of names) expect(known, `FunctionName "${n}" is not in HANDLERS`).toContain(n);
    for (const n of known) expect(names, `HANDLERS value "${n}" is not referenced by manifest.xml`).toContain(n);
  });

  it('defines every resid it references, in the same VersionOverrides, and uses every resource it defines', () => {
    const { v10, v11 } = versionOverrides();
    for (const scope of [v10, v11]) {
      const resources = child(scope, 'Resources');
      expect(resources).toBeDefined();
      const defined = new Map<string, string>();
      for (const group of resources!.children) {
        for (const r of group.children) {
          const id = attr(r, 'id')!;
          expect(defined.has(id), `duplicate resource id ${id}`).toBe(false);
          defined.set(id, group.local);
        }
      }
      const used = new Set<string>();
      for (const e of walkScope(scope)) {
        const resid = attr(e, 'resid');
        if (resid === undefined) continue;
        used.add(resid);
        expect(defined.has(resid), `resid "${resid}" (on ${e.local}) is not defined in ${xsiType(scope)}`).toBe(true);
      }
      for (const id of defined.keys()) expect(used, `resource "${id}" in ${xsiType(scope)} is never used`).toContain(id);
    }
  });

  it('puts every URL under the placeholder base, and the AppDomain at its origin', () => {
    const urls = collectUrls(root);
    expect(urls.length).toBeGreaterThan(10);
    const origin = new URL(PLACEHOLDER_BASE).origin;
    for (const { where, url } of urls) {
      if (where === 'AppDomain') expect(url).toBe(origin);
      else expect(url.startsWith(PLACEHOLDER_BASE), `${where}: ${url}`).toBe(true);
    }
  });

  it('points at the hosted files from handler-names.ts and at icons that exist', () => {
    const { v11 } = versionOverrides();
    const urls = new Map(
      find(v11, (e) => e.uri === NS.bt && e.local === 'Url').map((u) => [attr(u, 'id')!, attr(u, 'DefaultValue')!]),
    );
    expect([...urls.values()].sort()).toEqual(
      [ADDIN_FILES.commands, ADDIN_FILES.launchEvent, ADDIN_FILES.composePane, ADDIN_FILES.readPane].map((f) => PLACEHOLDER_BASE + f).sort(),
    );
    const read = child(root, 'FormSettings')!.children.find((f) => xsiType(f) === 'ItemRead')!;
    const edit = child(root, 'FormSettings')!.children.find((f) => xsiType(f) === 'ItemEdit')!;
    expect(attr(child(child(read, 'DesktopSettings')!, 'SourceLocation')!, 'DefaultValue')).toBe(PLACEHOLDER_BASE + ADDIN_FILES.readPane);
    expect(attr(child(child(edit, 'DesktopSettings')!, 'SourceLocation')!, 'DefaultValue')).toBe(PLACEHOLDER_BASE + ADDIN_FILES.composePane);

    const icons = collectUrls(root).filter(({ url }) => url.includes('/assets/'));
    expect(icons.length).toBeGreaterThan(0);
    for (const { url } of icons) {
      const rel = url.slice(PLACEHOLDER_BASE.length);
      const m = /^assets\/icon-(\d+)\.png$/.exec(rel);
      expect(m, url).not.toBeNull();
      const file = `${REPO_ROOT}outlook-addin/${rel}`;
      expect(existsSync(file), `${file} is missing`).toBe(true);
      const size = Number(m![1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const img of find(root, (e) => e.uri === NS.bt && e.local === 'Image' && attr(e, 'size') !== undefined)) {
      expect(['16', '32', '80']).toContain(attr(img, 'size'));
    }
  });

  it('declares the icon the info bars use (InformationalMessage needs a manifest image id) in both VersionOverrides', () => {
    const { v10, v11 } = versionOverrides();
    for (const scope of [v10, v11]) {
      const images = find(child(scope, 'Resources')!, (e) => e.local === 'Image').map((e) => attr(e, 'id'));
      expect(images, xsiType(scope)).toContain(INFO_ICON_ID);
    }
  });

  it('declares the launch events with the right handlers, the runtime, and a SendMode on OnMessageSend', () => {
    const { v10, v11 } = versionOverrides();
    expect(extensionPoints(v10, 'LaunchEvent')).toHaveLength(0);
    const [lp] = extensionPoints(v11, 'LaunchEvent');
    expect(lp).toBeDefined();
    const events = new Map(find(lp!, (e) => e.local === 'LaunchEvent').map((e) => [attr(e, 'Type')!, e]));
    expect([...events.keys()].sort()).toEqual(['OnMessageAttachmentsChanged', 'OnMessageRecipientsChanged', 'OnMessageSend', 'OnNewMessageCompose']);
    expect(attr(events.get('OnNewMessageCompose')!, 'FunctionName')).toBe(HANDLERS.newMessageCompose);
    expect(attr(events.get('OnMessageRecipientsChanged')!, 'FunctionName')).toBe(HANDLERS.recipientsChanged);
    expect(attr(events.get('OnMessageAttachmentsChanged')!, 'FunctionName')).toBe(HANDLERS.attachmentsChanged);
    const send = events.get('OnMessageSend')!;
    expect(attr(send, 'FunctionName')).toBe(HANDLERS.messageSend);
    expect(['PromptUser', 'SoftBlock', 'Block']).toContain(attr(send, 'SendMode'));
    for (const [type, e] of events) if (type !== 'OnMessageSend') expect(attr(e, 'SendMode'), type).toBeUndefined();

    // The LaunchEvent's SourceLocation names the Runtime; the runtime's Override is the classic-Windows JS file.
    const runtime = find(v11, (e) => e.local === 'Runtime')[0]!;
    expect(attr(child(lp!, 'SourceLocation')!, 'resid')).toBe(attr(runtime, 'resid'));
    const override = child(runtime, 'Override')!;
    expect(attr(override, 'type')).toBe('javascript');
    const urlOf = (id: string) => attr(find(v11, (e) => e.local === 'Url' && attr(e, 'id') === id)[0]!, 'DefaultValue');
    expect(urlOf(attr(runtime, 'resid')!)).toBe(PLACEHOLDER_BASE + ADDIN_FILES.commands);
    expect(urlOf(attr(override, 'resid')!)).toBe(PLACEHOLDER_BASE + ADDIN_FILES.launchEvent);
  });

  it('has exactly one synchronous ItemSend event, in V1_1 where the schema defines Events', () => {
    const { v10, v11 } = versionOverrides();
    expect(extensionPoints(v10, 'Events')).toHaveLength(0);
    const evs = extensionPoints(v11, 'Events').flatMap((p) => p.children);
    expect(evs).toHaveLength(1);
    expect(attr(evs[0]!, 'Type')).toBe('ItemSend');
    expect(attr(evs[0]!, 'FunctionExecution')).toBe('synchronous');
    expect(attr(evs[0]!, 'FunctionName')).toBe(HANDLERS.itemSend);
  });

  it('offers the task panes and the spam button in both VersionOverrides, and integrated spam reporting in V1_1', () => {
    const { v10, v11 } = versionOverrides();
    for (const scope of [v10, v11]) {
      const compose = extensionPoints(scope, 'MessageComposeCommandSurface');
      const read = extensionPoints(scope, 'MessageReadCommandSurface');
      expect(compose).toHaveLength(1);
      expect(read).toHaveLength(1);
      const controls = (p: El) => find(p, (e) => e.local === 'Control').map((c) => attr(c, 'id'));
      expect(controls(compose[0]!)).toEqual([MANIFEST_CONTROL_IDS.composeCheck]);
      expect(controls(read[0]!)).toEqual([MANIFEST_CONTROL_IDS.reportSpam, MANIFEST_CONTROL_IDS.readCheck]);
      const spamAction = find(read[0]!, (e) => e.local === 'Action' && xsiType(e) === 'ExecuteFunction')[0]!;
      expect(child(spamAction, 'FunctionName')?.text).toBe(HANDLERS.reportSpam);
    }
    const [phish] = extensionPoints(v11, 'ReportPhishingCommandSurface');
    expect(phish).toBeDefined();
    const control = find(phish!, (e) => e.local === 'Control')[0]!;
    expect(attr(control, 'id')).toBe(MANIFEST_CONTROL_IDS.reportPhishing);
    expect(find(control, (e) => e.local === 'FunctionName')[0]?.text).toBe(HANDLERS.reportSpam);
    const dialog = find(phish!, (e) => e.local === 'PreProcessingDialog')[0]!;
    expect(child(dialog, 'Title')).toBeDefined();
    expect(child(dialog, 'Description')).toBeDefined();
  });

  it('shows the Vietnamese labels by default', () => {
    const { v11 } = versionOverrides();
    const str = (id: string) => attr(find(v11, (e) => e.local === 'String' && attr(e, 'id') === id)[0]!, 'DefaultValue');
    expect(str('ComposeCheck.Label')).toBe('Kiểm tra thư');
    expect(str('ReportSpam.Label')).toBe('Báo cáo thư rác');
    expect(str('ReadCheck.Label')).toBe('Kiểm tra văn bản đến');
  });

  it('has every string (and the whole file) in Unicode NFC', () => {
    expect(xml === xml.normalize('NFC'), 'manifest.xml is not NFC').toBe(true);
    for (const e of find(root, () => true)) {
      for (const [name, a] of e.attrs) expect(a.value === a.value.normalize('NFC'), `${e.local}@${name}: ${a.value}`).toBe(true);
      expect(e.text === e.text.normalize('NFC'), e.local).toBe(true);
    }
    // And the check would notice decomposed text.
    const nfd = 'Báo cáo thư rác'.normalize('NFD');
    expect(nfd === nfd.normalize('NFC')).toBe(false);
  });
});
