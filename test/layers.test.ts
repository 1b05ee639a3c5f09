import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const rules = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: IForbiddenRuleType[] };

const names = (pattern: unknown) => /^\^src\/\((.*)\)\(\/\|\$\)$/.exec(String(pattern))![1]!.split('|').map((name) => name.replace('\\.', '.'));

/** The layers, bottom first, as the rule file states them: the `layer-*` rules in order, then the top (what no rule restricts). */
function layers(): string[][] {
  const restricted = rules.forbidden.filter((rule) => rule.name?.startsWith('layer-')).map((rule) => names((rule.from as { path: string }).path));
  const all = names((rules.forbidden.find((rule) => rule.name === 'unlayered')!.from as { pathNot: string }).pathNot);
  return [...restricted, all.filter((name) => !restricted.flat().includes(name))];
}

async function cruiseIn(dir: string, tsConfig?: string): Promise<ICruiseResult> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const { output } = await cruise(['src'], {
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
      ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
    });
    return output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}

const violations = (result: ICruiseResult) => result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

describe('layers of src/', () => {
  it('no module imports a later layer, and there are no cycles', async () => {
    const result = await cruiseIn(root, 'tsconfig.json');
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(violations(result)).toEqual([]);
  });

  it('the rules catch an upward import, a cycle and an unlayered folder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parallel-press-layers-'));
    const files: Record<string, string> = {
      'src/fs/atomic.ts': "import { buildBook } from '../pipeline/build.js';\nexport const a = buildBook;\n",
      'src/pipeline/build.ts': 'export const buildBook = 1;\n',
      'src/text/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'src/text/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/stray/thing.ts': "import { a } from '../text/a.js';\nexport const c = a;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const found = violations(await cruiseIn(dir));
    expect(found).toContain('layer-fs: src/fs/atomic.ts → src/pipeline/build.ts');
    expect(found.some((v) => v.startsWith('no-circular: src/text/'))).toBe(true);
    expect(found).toContain('unlayered: src/stray/thing.ts → src/text/a.ts');
  });

  it('every folder and top-level file of src/ has a layer, and docs/ARCHITECTURE.md draws the same layers in order', async () => {
    const ordered = layers();
    expect(ordered.length).toBeGreaterThan(10);
    const entries = (await readdir(path.join(root, 'src'), { withFileTypes: true })).map((e) => e.name).sort();
    expect(entries.filter((name) => !ordered.flat().includes(name))).toEqual([]);

    // The map: one line per layer, top first, each naming its folders in backticks.
    const map = await readFile(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    const drawn = [...map.matchAll(/^\| *(\d+) *\|([^|]*)\|.*\|$/gm)]
      .map((row) => ({ level: Number(row[1]), names: [...row[2]!.matchAll(/`([^`]+?)\/?`/g)].map((m) => m[1]!) }))
      .sort((a, b) => a.level - b.level)
      .map((row) => row.names);
    expect(drawn).toEqual(ordered);
  });
});
