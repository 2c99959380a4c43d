// ESLint flat config for the map client, after OpenLayers' own: the recommended rules plus a few that catch real bugs.
// Type errors (wrong DOM element, wrong arguments) are tsc's job: see tsconfig.json and `npm run check`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['src/**/*.js', '*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      // An unused argument is often a handler that ignores what it was given by mistake; `_name` marks a deliberate one.
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `==` coerces ('' == 0, '1' == 1): the client compares codes and counts from JSON, where that hides bugs.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-implicit-globals': 'error',
      'no-shadow': 'error',
      'no-use-before-define': ['error', { functions: false, classes: true, variables: true }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-throw-literal': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unmodified-loop-condition': 'error',
      'no-unreachable-loop': 'error',
      'array-callback-return': 'error',
      'no-promise-executor-return': 'error',
      'no-constructor-return': 'error',
    },
  },
];
