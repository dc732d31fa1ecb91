import path from 'node:path'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'
import { featureBoundaryZones } from './eslint/feature-boundaries.mjs'
import { storeBoundaryZones } from './eslint/store-boundaries.mjs'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // House rule: HTTP/domain services run in plain Node; only main glue may import electron.
    files: ['src/main/services/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'services and shared must stay electron-free' }] }] }
  },
  {
    // window.api is reached only through src/renderer/src/lib/ipc.ts.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/lib/ipc.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'use lib/ipc.ts' }] }
  },
  {
    // Renderer layering: a feature never imports another feature; shared UI and app state never import a feature.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'], alias: { '@renderer': [path.resolve('src/renderer/src')], '@shared': [path.resolve('src/shared')] } })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: featureBoundaryZones('src/renderer/src') }] }
  },
  {
    // Main's store layering: see eslint/store-boundaries.mjs.
    files: ['src/main/services/store/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'], alias: { '@shared': [path.resolve('src/shared')] } })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: storeBoundaryZones('src/main/services/store') }] }
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'eslint/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } }
  }
)
