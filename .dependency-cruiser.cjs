/**
 * The layers of src/, bottom first. A module may import its own layer and the layers before it,
 * never a later one; no cycles anywhere. docs/ARCHITECTURE.md draws the same list (a test keeps
 * the two and the folders of src/ in step). Tests are not cruised: they may import anything.
 */
const LAYERS = [
  ['diagnostics', 'types', 'paths.ts'],
  ['fs'],
  ['text'],
  ['config'],
  ['markdown'],
  ['manuscript'],
  ['layout'],
  ['lint'],
  ['check'],
  ['output'],
  ['pipeline'],
  ['status', 'scaffold', 'sync', 'init', 'import', 'xliff', 'watch', 'preview', 'docs', 'bench'],
  ['commands'],
  ['cli.ts', 'index.ts'],
];

/** `src/NAME/…` for a folder, `src/NAME` for a file at the top of src/. */
const pattern = (names) => `^src/(${names.map((name) => name.replace('.', '\\.')).join('|')})(/|$)`;

const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer[0]}`,
  comment: `${layer.join(', ')} may import only ${LAYERS.slice(0, index + 1).flat().join(', ')}`,
  severity: 'error',
  from: { path: pattern(layer) },
  to: { path: pattern(LAYERS.slice(index + 1).flat()) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: merge them or move the shared part down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'unlayered',
      comment: 'Every module of src/ belongs to a layer: add a new folder to LAYERS and to docs/ARCHITECTURE.md.',
      severity: 'error',
      from: { path: '^src/', pathNot: pattern(LAYERS.flat()) },
      to: {},
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test|dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
