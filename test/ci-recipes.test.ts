import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/cli.js';
import { shellCommands } from './helpers/shell-commands.js';

/**
 * The container image and the CI workflow cannot run here (no Docker engine, no runner): what can be
 * checked is that they say the same as what is tested. The workflow's commands are the README's, and
 * the Dockerfile installs every system package scripts/setup checks for, on the same base as the workflow.
 */
const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

interface Workflow {
  env: Record<string, string>;
  jobs: Record<string, { container?: string; steps: { run?: string; uses?: string; with?: Record<string, string> }[]; strategy?: { matrix: Record<string, string> } }>;
}

/** A parallel-press invocation reduced to what must agree: the subcommand and its options. */
function invocationShape(command: string): string | undefined {
  const match = /npx parallel-press (.*?)(?:\)|$)/.exec(command);
  if (!match) return undefined;
  const words = (match[1] ?? '').split(/\s+/).filter(Boolean);
  return [words[0], ...words.filter((w) => w.startsWith('-')).sort()].join(' ');
}

/** The Debian packages of every `apt-get install` in a Dockerfile (continuation lines joined). */
function dockerfilePackages(dockerfile: string): Set<string> {
  const joined = dockerfile.replace(/\\\n/g, ' ');
  const packages = [...joined.matchAll(/apt-get install ([^&\n]*)/g)].flatMap((m) => (m[1] ?? '').split(/\s+/).filter((w) => w && !w.startsWith('-')));
  return new Set(packages);
}

describe('the CI workflow template', () => {
  it('builds one edition per matrix job, listed from book.yaml, and uploads its files', async () => {
    const workflow = parse(await read('templates/ci/github-workflow.yml')) as Workflow;
    const build = workflow.jobs.build;
    expect(build?.strategy?.matrix.edition).toBe('${{ fromJSON(needs.editions.outputs.editions) }}');
    const runs = build?.steps.flatMap((s) => s.run ?? []) ?? [];
    expect(runs).toContain('npx parallel-press build . --edition ${{ matrix.edition }}');
    const upload = build?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.with?.path).toBe('build/${{ matrix.edition }}.*');
    expect(workflow.jobs.editions?.steps.some((s) => s.run?.includes('npx parallel-press editions . --json'))).toBe(true);
  });

  it("runs only the README's commands", async () => {
    const workflow = parse(await read('templates/ci/github-workflow.yml')) as Workflow;
    const readme = shellCommands(await read('README.md'));
    const readmeShapes = new Set(readme.map(invocationShape).filter(Boolean));
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => s.run ?? []));
    for (const run of runs) {
      const shape = invocationShape(run);
      if (shape) expect(readmeShapes, run).toContain(shape);
      else if (run.startsWith('bash ')) expect(readme, run).toContain(run);
      else expect(run.startsWith('npm install') && readme.some((c) => c.startsWith('npm install ')), run).toBe(true);
    }
    expect(runs.filter((r) => invocationShape(r)).length).toBe(2);
  });

  it('runs in the base image of the Dockerfile', async () => {
    const workflow = parse(await read('templates/ci/github-workflow.yml')) as Workflow;
    const from = /^FROM (\S+)$/m.exec(await read('Dockerfile'))?.[1];
    expect(from).toMatch(/^node:20-bookworm/);
    for (const job of Object.values(workflow.jobs)) expect(job.container).toBe(from);
  });
});

describe('the Dockerfile', () => {
  it('installs every system package scripts/setup checks for, then runs scripts/setup', async () => {
    const setup = await read('scripts/setup');
    const checked = [...setup.matchAll(/missing\+=\(([^)]+)\)/g)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    expect(checked.length).toBeGreaterThanOrEqual(9);
    const dockerfile = await read('Dockerfile');
    const installed = dockerfilePackages(dockerfile);
    expect(checked.filter((pkg) => !installed.has(pkg))).toEqual([]);
    expect(dockerfile).toMatch(/^RUN bash scripts\/setup/m);
  });
});
