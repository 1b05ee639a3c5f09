import type { Text } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Diagnostic, Place } from '../diagnostics/index.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import { defaultSeparators, forEachNumber, type Separators } from '../text/numerals.js';
import { allDocuments, type LintRule } from './rule.js';

/** Day.month.year, which Vietnamese and Khmer also write with dots: not a number with separators. */
const DATE = /^\d{1,2}\.\d{1,2}\.\d{2,4}$/;

/**
 * `number-separator-ambiguous` (warning): a number in a translation whose separators read wrongly
 * in its language (book.yaml `numerals`, CLDR by default): km "2.76" is 276 to a Khmer reader,
 * who writes 2,76; vi "1,000" is one (with three decimals), where a thousand is 1.000.
 */
export const numberSeparators: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    if (doc.lang === book.sourceLang) continue;
    const configured = book.config.numerals[doc.lang];
    const separators: Separators = { ...defaultSeparators(doc.lang), ...(configured?.decimal ? { decimal: configured.decimal } : {}), ...(configured?.group ? { group: configured.group } : {}) };
    if (separators.decimal === separators.group) continue;
    for (const section of doc.sections) {
      const nodes: Node[] = [...(section.heading ? [section.heading] : []), ...section.blocks.filter((b) => !b.untranslated).map((b) => b.node)];
      for (const node of nodes) {
        visit(node, 'text', (text: Text) => {
          forEachNumber(text.value, (index, number) => {
            const problem = separatorProblem(number, separators, doc.lang);
            if (problem) diagnostics.push({ ...placeIn(doc, text, index), severity: 'warning', ruleId: 'number-separator-ambiguous', message: problem });
          });
        });
      }
    }
  }
  return diagnostics;
};

/** What is wrong with the separators of `number` in `lang`, or undefined when it reads one way only. */
export function separatorProblem(number: string, { decimal, group }: Separators, lang: string): string | undefined {
  if (DATE.test(number)) return undefined;
  const marks = [...number.matchAll(/\D/g)].map((m) => ({ mark: m[0], index: m.index }));
  if (marks.length === 0) return undefined;
  const typical = `in ${lang} the decimal separator is “${decimal}” and the thousands separator “${group}”`;
  const decimals = marks.filter((m) => m.mark === decimal);
  const groups = marks.filter((m) => m.mark === group);
  if (decimals.length + groups.length !== marks.length) return undefined;
  if (decimals.length > 1) return `Number “${number}” has ${decimals.length} “${decimal}”: ${typical}; expected at most one “${decimal}”, e.g. “1${group}234${decimal}5”`;
  const decimalAt = decimals[0]?.index ?? number.length;
  for (const g of groups) {
    const digitsAfter = /^\d+/.exec(number.slice(g.index + 1))?.[0].length ?? 0;
    if (g.index > decimalAt || digitsAfter !== 3) {
      // Most often the English convention: swapping the two marks gives what was meant.
      const swapped = number.replace(/\D/g, (mark) => (mark === decimal ? group : decimal));
      return `Number “${number}” does not read as intended: ${typical}, so “${group}” must be followed by exactly three digits and come before any “${decimal}”; expected “${swapped}” if the English ${number} is meant`;
    }
  }
  if (decimals.length === 1 && groups.length === 0) {
    const integer = number.slice(0, decimalAt);
    const fraction = number.slice(decimalAt + 1);
    if (fraction.length === 3 && integer.length <= 3 && integer !== '0') {
      return `Number “${number}” is ambiguous: ${typical}, so it reads as ${integer} and a fraction, while an English reader sees ${integer} thousand: expected “${integer}${group}${fraction}” for a thousands number, or a decimal written another way`;
    }
  }
  return undefined;
}

function placeIn(doc: ManuscriptDocument, text: Text, index: number): Place {
  const start = text.position?.start;
  if (!start) return { file: doc.path };
  const before = text.value.slice(0, index);
  const lastBreak = before.lastIndexOf('\n');
  return { file: doc.path, line: start.line + (before.split('\n').length - 1), column: lastBreak < 0 ? start.column + index : index - lastBreak };
}
