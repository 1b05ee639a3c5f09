import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/index.js';
import { conditionKey, conditionOf, conditionProblems, describeCondition, isConditional } from '../manuscript/condition.js';
import type { Block } from '../manuscript/model.js';
import { sectionById } from '../manuscript/section-index.js';
import { allDocuments, formatLocation, placeOfNode, translationPairs, type LintRule } from './rule.js';

/**
 * `condition-mismatch` (error): a block, or a phrase inside it, kept only in some editions
 * (`:::only`, `:::except`, `:only[…]`) must carry the same condition in every language, or an
 * edition would show a paragraph in one column and nothing in the next. Reported at the translation,
 * with the source's place. `condition-invalid` (error): an attribute the condition does not know.
 */
export const conditionAlignment: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    for (const section of doc.sections) {
      for (const block of section.blocks) {
        visit(block.node as Nodes, (node) => {
          for (const problem of conditionProblems(node)) diagnostics.push({ ...placeOfNode(doc, node), severity: 'error', ruleId: 'condition-invalid', message: problem });
        });
      }
    }
  }
  for (const { source, translation } of translationPairs(book)) {
    for (const section of source.sections) {
      const twin = sectionById(translation, section.id);
      if (!twin) continue;
      section.blocks.forEach((block, index) => {
        const other = twin.blocks[index];
        if (!other || other.untranslated) return;
        const [ours, theirs] = [conditionsIn(block), conditionsIn(other)];
        if (ours.map((c) => c.key).join('|') === theirs.map((c) => c.key).join('|')) return;
        const differs = Math.max(ours.findIndex((c, i) => c.key !== theirs[i]?.key), theirs.findIndex((c, i) => c.key !== ours[i]?.key));
        const mine = theirs[differs] ?? theirs.at(-1);
        const original = ours[differs] ?? ours.at(-1);
        const here = placeOfNode(translation, mine?.node ?? other.node);
        const related = placeOfNode(source, original?.node ?? block.node);
        diagnostics.push({
          ...here,
          severity: 'error',
          ruleId: 'condition-mismatch',
          message: `${mine ? `Unexpected ${describe(mine)}` : 'No condition'} in ${translation.path} where ${formatLocation(related)} has ${describe(original)}: expected the same condition as the English, so that every edition shows this block or phrase in every language or in none`,
          related,
        });
      });
    }
  }
  return diagnostics;
};

interface FoundCondition {
  key: string;
  node: Nodes;
  condition: ReturnType<typeof conditionOf>;
}

function describe(found: FoundCondition | undefined): string {
  return found ? `\`${describeCondition(found.condition, found.node.type === 'textDirective')}\`` : 'no condition';
}

/** The conditions of a block and of the phrases inside it, in document order. */
function conditionsIn(block: Block): FoundCondition[] {
  const found: FoundCondition[] = [];
  visit(block.node as Nodes, (node) => {
    if (!isConditional(node)) return;
    const condition = conditionOf(node);
    found.push({ key: `${node.type}:${conditionKey(condition)}`, node, condition });
  });
  return found;
}
