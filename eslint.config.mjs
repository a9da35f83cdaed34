import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries (ARCHITECTURE.md "Layout"): an app may import contracts, platform and its own
 * db lib; never another app or another service's db lib. Tags live in each project.json.
 */
export default [
  { ignores: ['**/dist', '**/node_modules', '**/generated', '.nx', 'tmp', '.embedded-pg', 'coverage'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:db'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:db', onlyDependOnLibsWithTags: ['type:db'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:platform', 'type:db', 'type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:tooling'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Tooling (migrations, seeds, launcher) works across every service's database by design.
            { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['*'] },
            ...['api-gateway', 'identity', 'catalog', 'orders', 'fulfillment', 'logistics', 'iot-telemetry', 'alerting', 'analytics'].map(
              (s) => ({
                sourceTag: `scope:${s}`,
                onlyDependOnLibsWithTags: [`scope:${s}`, 'scope:shared'],
              }),
            ),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      'no-console': 'off',
    },
  },
  {
    // The platform's integration specs need a real schema with outbox tables; they borrow one
    // service's generated client and the migration tooling as fixtures. Production code may not.
    files: ['libs/platform/**/*.int-spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [{ sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:db', 'type:tooling'] }],
        },
      ],
    },
  },
];
