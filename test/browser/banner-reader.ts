// Reads the extension's banners from outside the page, as the user sees them: the banner
// lives in a closed shadow root that page scripts (and so page.evaluate) cannot open, but
// the browsers' own protocols can (CDP's pierce in Chromium, WebDriver BiDi's
// includeShadowTree in Firefox).

/** One DOM node, from either protocol. */
export interface TreeNode {
  text?: string;
  tag?: string;
  attributes: string[];
  children: TreeNode[];
  shadow: TreeNode[];
}

export interface BannerContent {
  /** Text of every banner, without its style sheet. */
  text: string;
  /** Tag names of the elements inside the banners. */
  tags: string[];
}

// account hygiene (issue 13): the forwarding note and the change-password checklist are read the same way.
const BANNER_ATTRS = ['data-congvu-banner-host', 'data-congvu-toast', 'data-congvu-forwarding', 'data-congvu-password'];

export function bannerContent(roots: TreeNode[]): BannerContent {
  const texts: string[] = [];
  const tags: string[] = [];
  const inside = (n: TreeNode) => {
    if (n.text !== undefined) texts.push(n.text);
    if (n.tag) tags.push(n.tag);
    if (n.tag === 'style') return;
    for (const c of [...n.shadow, ...n.children]) inside(c);
  };
  const find = (n: TreeNode) => {
    if (n.attributes.some((a) => BANNER_ATTRS.includes(a))) {
      const before = texts.length;
      for (const c of n.shadow) inside(c);
      if (texts.length > before) texts.push('\n');
      return;
    }
    for (const c of [...n.shadow, ...n.children]) find(c);
  };
  for (const r of roots) find(r);
  return { text: texts.join('').trim(), tags: tags.filter((t) => t !== 'style') };
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export function fromCdp(n: CdpNode): TreeNode {
  return {
    text: n.nodeType === 3 ? n.nodeValue : undefined,
    tag: n.nodeType === 1 ? n.nodeName.toLowerCase() : undefined,
    attributes: (n.attributes ?? []).filter((_, k) => k % 2 === 0),
    children: (n.children ?? []).map(fromCdp),
    shadow: (n.shadowRoots ?? []).map(fromCdp),
  };
}

interface BidiNode {
  type?: string;
  value?: { nodeType?: number; nodeValue?: string; localName?: string; attributes?: Record<string, string>; children?: BidiNode[]; shadowRoot?: BidiNode | null };
}

export function fromBidi(n: BidiNode): TreeNode {
  const v = n.value ?? {};
  return {
    text: v.nodeType === 3 ? v.nodeValue : undefined,
    tag: v.nodeType === 1 ? v.localName : undefined,
    attributes: Object.keys(v.attributes ?? {}),
    children: (v.children ?? []).map(fromBidi),
    shadow: v.shadowRoot ? [fromBidi(v.shadowRoot)] : [],
  };
}
