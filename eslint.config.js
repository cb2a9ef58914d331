import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'drizzle', 'coverage', 'dist', '.wrangler'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings in src/config.ts only.' },
      ],
    },
  },
  {
    files: [
      'src/config.ts',
      'test/**',
      'vitest.config.ts',
      'drizzle.config.ts',
      'bench/**',
      'src/cli.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
