// Lints the report page's script with ESLint's recommended rules and a few
// of the house's, from the pinned packages (scripts/install-deps):
//   node tests/report/lint.mjs NODE_MODULES FILE...
// Prints each problem as FILE:LINE:COLUMN: message (rule); exits 1 when
// there is one, 2 when ESLint cannot be loaded.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, ...files] = process.argv.slice(2);
const load = file => import(pathToFileURL(path.join(modules, file)).href);

let ESLint, js, globals;
try {
  ({ ESLint } = await load('eslint/lib/api.js'));
  js = (await load('@eslint/js/src/index.js')).default;
  globals = (await load('globals/index.js')).default;
} catch (e) {
  process.stderr.write(`cannot load ESLint from ${modules} (scripts/install-deps installs it): ${e.message}\n`);
  process.exit(2);
}

const rules = {
  'no-shadow': 'error',
  'no-var': 'error',
  'prefer-const': 'error',
  eqeqeq: ['error', 'always'],
  'no-unused-vars': ['error', { args: 'after-used' }],
};
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    js.configs.recommended,
    { files: ['**/*.mjs'], languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.browser }, rules },
    { files: ['**/*.cjs'], languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: globals.node }, rules },
    { files: ['tests/**/*.mjs'], languageOptions: { globals: globals.node } },
  ],
});
const results = await eslint.lintFiles(files);
let problems = 0;
for (const r of results) {
  for (const m of r.messages) {
    problems++;
    process.stdout.write(`${path.relative(process.cwd(), r.filePath)}:${m.line}:${m.column}: ${m.message} (${m.ruleId})\n`);
  }
}
process.exit(problems ? 1 : 0);
