// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Lint: typescript-eslint's type-checked recommendations for the application. Tests read
 * untyped HTTP bodies (supertest's `any`), so the rules about unsafe `any` apply to src/ only.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Methods that implement an async interface (a queue driver, a triager) may finish at once.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Each area under src/ owns its tables: another area reaches them through the owning area's
    // exported services (docs/architecture.md, "Areas and their boundaries"), never by
    // importing its entities.
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'boundaries/elements': [{ type: 'area', pattern: 'src/*', capture: ['area'] }],
      'boundaries/files': [{ category: 'entity', pattern: '**/entities/*.entity.ts' }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'area' } },
              disallow: {
                to: {
                  element: { type: 'area', captured: { area: '!{{ from.element.captured.area }}' } },
                  file: { categories: 'entity' },
                },
              },
              message:
                'The {{ to.element.captured.area }} area owns this entity: reach its data through the services src/{{ to.element.captured.area }}/ exports, not its entity',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
