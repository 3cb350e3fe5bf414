import js from '@eslint/js';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const modulesRoot = join(dirname(fileURLToPath(import.meta.url)), 'src', 'modules');

/** `{ name, rest }` when `file` lies inside src/modules/<name>/ (rest: its path there, '' for the folder itself). */
function moduleOf(file) {
  const path = relative(modulesRoot, file);
  if (!path || path.startsWith('..')) return undefined;
  const [name, ...rest] = path.split(sep);
  return { name, rest: rest.join('/') };
}

/**
 * A context's public surface is its index.ts: any relative import that resolves into another module's folder,
 * from any depth and from outside src/modules too, must name exactly src/modules/<other>/index.js.
 * Resolving the path (rather than matching the written specifier) is what catches every depth.
 */
const moduleSurface = {
  meta: {
    type: 'problem',
    docs: { description: 'Import other modules only through their index.js' },
    schema: [],
    messages: {
      internal: "'{{source}}' reaches into the {{name}} module; import '{{surface}}' (its public surface) instead.",
    },
  },
  create(context) {
    const own = moduleOf(context.filename)?.name;
    const check = (node) => {
      const source = node?.type === 'Literal' ? node.value : undefined;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = moduleOf(resolve(dirname(context.filename), source));
      if (!target?.name || target.name === own || target.rest === 'index.js') return;
      // A path into no module at all is a broken import, which the compiler reports.
      if (!existsSync(join(modulesRoot, target.name))) return;
      let surface = relative(dirname(context.filename), join(modulesRoot, target.name, 'index.js'))
        .split(sep)
        .join('/');
      if (!surface.startsWith('.')) surface = `./${surface}`;
      context.report({ node, messageId: 'internal', data: { source, name: target.name, surface } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal),
      TSExternalModuleReference: (node) => check(node.expression),
      'CallExpression[callee.name="require"]': (node) => check(node.arguments[0]),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { atrium: { rules: { 'module-surface': moduleSurface } } },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'atrium/module-surface': 'error',
      // class-validator's length rules count UTF-16 units and skip variation selectors; the API document counts characters.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['MaxLength', 'MinLength', 'Length'],
              message: 'Use MaxLength/MinLength from src/core/http/text-length.validators.js: they count characters as the API document does.',
            },
          ],
        },
      ],
    },
  },
  // Tests reach into modules to build and inspect their state; the seed command writes every context's collections directly, by design.
  { files: ['test/**', '**/*.spec.ts', 'src/cli/**'], rules: { 'atrium/module-surface': 'off' } },
);
