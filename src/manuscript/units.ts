import type { FootnoteReference, List, ListItem, RootContent, Table, TableRow } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Block, UnitPlace } from './model.js';

/**
 * The alignment units of one block. A paragraph, quote or figure is one unit; a list gives one unit
 * per item, nested items after their parent (item 2.1 after item 2), and a table one per row (the
 * header row first). Unit n of block k aligns with unit n of block k of every translation, so a
 * numbered article, a treaty clause or a table row starts level in every language.
 */
export function blockUnits(block: Block): Block[] {
  if (block.untranslated) return [block];
  const { node } = block;
  if (node.type === 'list') return listUnits(node, [], 1);
  if (node.type === 'table') return tableUnits(node);
  return [block];
}

function listUnits(list: List, parent: number[], depth: number): Block[] {
  const start = list.start ?? 1;
  return list.children.flatMap((item, index) => {
    const path = [...parent, index + 1];
    const own: ListItem = { ...item, children: item.children.filter((child) => child.type !== 'list') };
    const number = start + index;
    const single: List = { type: 'list', ordered: list.ordered ?? false, start: list.ordered ? number : null, spread: false, children: [own], data: { hProperties: { className: ['unit-item', `unit-depth-${depth}`] } } };
    if (item.position) single.position = item.position;
    const unit: UnitPlace = { kind: 'item', path, ordered: list.ordered === true, number, depth };
    const nested = item.children.filter((child): child is List => child.type === 'list').flatMap((child) => listUnits(child, path, depth + 1));
    return [{ node: single, untranslated: false, unit }, ...nested];
  });
}

function tableUnits(table: Table): Block[] {
  return table.children.map((row: TableRow, index) => {
    const single: Table = { type: 'table', align: table.align ?? null, children: [row], data: { hProperties: { className: ['unit-row', index === 0 ? 'unit-row-head' : 'unit-row-body'] } } };
    if (row.position) single.position = row.position;
    return { node: single, untranslated: false, unit: { kind: 'row' as const, path: [index + 1], ordered: false, number: index + 1, depth: 1 } };
  });
}

/** "item 2.1", "row 3": how a diagnostic names a unit. */
export function describeUnit(unit: UnitPlace): string {
  return `${unit.kind} ${unit.path.join('.')}`;
}

/** The footnote labels a node refers to, in order of first reference. */
export function footnoteLabels(nodes: readonly RootContent[]): string[] {
  const labels: string[] = [];
  for (const node of nodes) {
    visit(node, 'footnoteReference', (ref: FootnoteReference) => {
      const label = ref.identifier.toLowerCase();
      if (!labels.includes(label)) labels.push(label);
    });
  }
  return labels;
}
