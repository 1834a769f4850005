/** Process trees: built from raw process events (msticpy c.2) and centred on an alert's process (msticpy a.2). */
export {
  type BuildProcessTreeOptions,
  buildProcessTree,
  type ProcessTree,
  type ProcessTreeNode,
} from './build-process-tree.js';
export { keyTime } from './key-time.js';
export {
  auditdProcessColumns,
  auditdToProcessEvents,
  mapProcessEvents,
  type ProcessColumnMap,
  windowsEventColumns,
} from './map-process-events.js';
export {
  effectiveLogonId,
  idKey,
  imageFileName,
  imageMatches,
  type ProcessEvent,
  type ProcessSchema,
  sameId,
  toDate,
} from './process-event.js';
export { wrapText } from './text-wrap.js';
export { type ProcessTreeGraphOptions, processTreeGraph } from './tree-graph.js';
export {
  ancestorsOf,
  childrenOf,
  descendantsOf,
  findNode,
  nodeAtIndex,
  parentOf,
  rootOf,
  roots,
  siblingsOf,
  type TreeSummary,
  treeSummary,
} from './tree-navigation.js';
export {
  type AlertProcessSource,
  type AlertProcessTree,
  type AlertProcessTreeOptions,
  type AlertTreeRow,
  alertProcessTree,
  type NodeRole,
} from './tree-roles.js';
export { formatProcessTreeText, nodesToText, pandasTime, treeToText } from './tree-text.js';
