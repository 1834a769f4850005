/**
 * How each kind of node looks: entity types (host, account, process, file, ip, url…, the alert and related
 * alerts) and process-tree roles (source, parent, child, sibling…). Shapes carry the kind, so the image reads
 * without colour too.
 */

/** Graphviz node attributes for one kind. */
export interface NodeStyle {
  shape: string;
  /** Border colour. */
  color: string;
  fillcolor: string;
  style?: string;
}

const neutral: NodeStyle = { shape: 'ellipse', color: '#666666', fillcolor: '#F4F4F4' };
const processBox: NodeStyle = { shape: 'box', color: '#0072B2', fillcolor: '#EAF2FA', style: 'rounded,filled' };

// A Map, not an object: a kind such as `constructor` must not find Object.prototype members.
const styles = new Map<string, NodeStyle>(
  Object.entries({
    // Entities of an alert.
    alert: { shape: 'octagon', color: '#B2182B', fillcolor: '#FBE3E1' },
    'related-alert': { shape: 'octagon', color: '#D55E00', fillcolor: '#FFEBD6' },
    host: { shape: 'box', color: '#0072B2', fillcolor: '#E4EFF9' },
    account: { shape: 'ellipse', color: '#009E73', fillcolor: '#E3F4EE' },
    'host-logon-session': { shape: 'ellipse', color: '#009E73', fillcolor: '#F2FAF7', style: 'dashed,filled' },
    process: { shape: 'component', color: '#0072B2', fillcolor: '#EAF2FA' },
    file: { shape: 'note', color: '#7A5C00', fillcolor: '#FFF7D6' },
    filehash: { shape: 'note', color: '#7A5C00', fillcolor: '#FFFBEA' },
    ip: { shape: 'diamond', color: '#CC79A7', fillcolor: '#F9EAF3' },
    url: { shape: 'hexagon', color: '#CC79A7', fillcolor: '#F9EAF3' },
    dns: { shape: 'hexagon', color: '#CC79A7', fillcolor: '#F9EAF3' },
    'registry-key': { shape: 'folder', color: '#666666', fillcolor: '#EFEFEF' },
    'registry-value': { shape: 'folder', color: '#666666', fillcolor: '#F7F7F7' },
    malware: { shape: 'octagon', color: '#B2182B', fillcolor: '#FFF0F0' },
    // Process-tree roles.
    source: processBox,
    parent: processBox,
    child: processBox,
    sibling: { ...processBox, color: '#6A8CA8', fillcolor: '#F3F6F9' },
    inferred: { ...processBox, color: '#888888', fillcolor: '#FFFFFF', style: 'rounded,dashed,filled' },
    collapsed: { shape: 'box', color: '#999999', fillcolor: '#FFFFFF', style: 'dashed,filled' },
  } satisfies Record<string, NodeStyle>),
);

/** The highlighted node (the alert, the source process): bold red border. */
export const highlightStyle = { color: '#C00000', penwidth: 3, fontcolor: '#8B0000' } as const;

/** The style of a node kind; unknown kinds get a neutral ellipse. */
export function nodeStyle(kind: string): NodeStyle {
  return styles.get(kind) ?? neutral;
}

/** Kinds that mark a process tree, drawn top to bottom (entity graphs read left to right). */
export const processTreeKinds: ReadonlySet<string> = new Set(['source', 'parent', 'child', 'sibling', 'inferred']);
