import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';

/**
 * The public API of the package: every name src/index.ts exports, sorted, each a value or a type.
 * A change here is a change for every program that imports parallel-press: update the golden
 * (`UPDATE=1`) on purpose, never by accident. Read from the syntax (following `export *`), which
 * takes milliseconds where a type-checked program takes half a minute.
 */
type Kind = 'value' | 'type';

function exportsOf(file: string, seen = new Set<string>()): Map<string, Kind> {
  const names = new Map<string, Kind>();
  if (seen.has(file)) return names;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const local = (specifier: ts.Expression) => path.resolve(path.dirname(file), (specifier as ts.StringLiteral).text.replace(/\.js$/, '.ts'));
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause && statement.moduleSpecifier) {
        for (const [name, kind] of exportsOf(local(statement.moduleSpecifier), seen)) names.set(name, statement.isTypeOnly ? 'type' : kind);
      } else if (clause && ts.isNamedExports(clause)) {
        const from = statement.moduleSpecifier ? exportsOf(local(statement.moduleSpecifier), new Set()) : undefined;
        for (const element of clause.elements) {
          const original = (element.propertyName ?? element.name).text;
          const kind: Kind = statement.isTypeOnly || element.isTypeOnly ? 'type' : (from?.get(original) ?? 'value');
          names.set(element.name.text, kind);
        }
      }
    } else if (exported(statement)) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) names.set(statement.name.text, 'type');
      else if (ts.isVariableStatement(statement)) statement.declarationList.declarations.forEach((d) => ts.isIdentifier(d.name) && names.set(d.name.text, 'value'));
      else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) names.set(statement.name.text, 'value');
    }
  }
  return names;
}

it('src/index.ts exports exactly the pinned names', async () => {
  const names = exportsOf(path.resolve(import.meta.dirname, '../../src/index.ts'));
  const lines = [...names].map(([name, kind]) => `${name} ${kind}`).sort();
  await expectGolden(`${lines.join('\n')}\n`, path.resolve(import.meta.dirname, 'goldens/public-api.txt'));
});
