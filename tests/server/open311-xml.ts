/**
 * A strict little XML reader for the Open311 tests: elements, text and the
 * five predefined entities plus character references; no attributes, which
 * Open311 documents never use. It throws on anything malformed, so a test
 * that parses an answer also proves the answer is well-formed.
 */

export interface XmlNode {
  readonly name: string;
  readonly children: XmlNode[];
  /** Concatenated text directly inside the element, entities decoded. */
  text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(raw: string): string {
  if (raw.includes('<')) throw new Error(`stray < in text: ${raw}`);
  return raw.replace(
    /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+)?(;?)/g,
    (_m, ref: string | undefined, semi: string) => {
      if (ref === undefined || semi !== ';') throw new Error(`bare & in text: ${raw}`);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const ch = ENTITIES[ref];
      if (ch === undefined) throw new Error(`unknown entity &${ref};`);
      return ch;
    },
  );
}

export function parseXml(doc: string): XmlNode {
  let s = doc.replace(/^\uFEFF/, '');
  const decl = /^<\?xml[^?]*\?>\s*/.exec(s);
  if (decl) s = s.slice(decl[0].length);
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? s.length : lt;
    const text = s.slice(i, textEnd);
    const top = stack[stack.length - 1];
    if (text.trim() !== '' || (top && text !== '')) {
      if (!top) throw new Error('text outside the root element');
      top.text += decodeText(text);
    }
    if (lt < 0) break;
    const gt = s.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = s.slice(lt + 1, gt);
    i = gt + 1;
    const close = /^\/([A-Za-z_][\w.-]*)\s*$/.exec(tag);
    const open = /^([A-Za-z_][\w.-]*)\s*(\/?)$/.exec(tag);
    if (close) {
      const node = stack.pop();
      if (!node || node.name !== close[1]) throw new Error(`mismatched </${close[1]}>`);
    } else if (open) {
      const node: XmlNode = { name: open[1] ?? '', children: [], text: '' };
      if (top) top.children.push(node);
      else if (root) throw new Error('two root elements');
      else root = node;
      if (open[2] !== '/') stack.push(node);
    } else throw new Error(`unsupported markup <${tag}>`);
  }
  if (stack.length > 0 || !root) throw new Error('unclosed elements');
  return root;
}

/** The only child called `name`; throws when there is none or more than one. */
export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`${node.name} has ${found.length} <${name}>`);
  return found[0] as XmlNode;
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** Text of the only child called `name`. */
export function textOf(node: XmlNode, name: string): string {
  return child(node, name).text;
}
