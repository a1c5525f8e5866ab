// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Lint: typescript-eslint's type-checked recommendations, for the application and its tests.
 * Tests read the API through the typed client (test/support/api-client.ts), so the rules about
 * unsafe `any` hold there too, but for one: see the test section.
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
      // Jest types its asymmetric matchers as `any`, and tests put them inside expected objects:
      // `{ sentAt: expect.any(String) }`, `expect.objectContaining({ ... })`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
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
        AbortSignal: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
  },
  {
    // The console's browser scripts, served as they are written.
    files: ['src/web/assets/*.js'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        Element: 'readonly',
        Event: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    files: ['jest.config.js', 'test/support/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
