import nx from '@nx/eslint-plugin';

/**
 * The layers, enforced. Every project carries a scope (its bounded context, or `shared`) and a
 * type; `@nx/enforce-module-boundaries` checks each import against these constraints (a project
 * matching several constraints must satisfy all of them).
 */
const depConstraints = [
  // By type: apps build on libs, never on another app; a contract publishes plain types and
  // values and depends on the shared envelope only; the workflow library knows only contracts.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:contract', 'type:workflow'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'] },
  { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:contract'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contract'] },
  // By scope: a bounded context knows its own libs and the shared ones, and another context
  // only through that context's published contract.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:goal-declaration', onlyDependOnLibsWithTags: ['scope:goal-declaration', 'scope:shared'] },
  { sourceTag: 'scope:monitoring', onlyDependOnLibsWithTags: ['scope:monitoring', 'scope:shared', 'type:contract'] },
  { sourceTag: 'scope:evaluation', onlyDependOnLibsWithTags: ['scope:evaluation', 'scope:shared', 'type:contract'] },
  { sourceTag: 'scope:result-application', onlyDependOnLibsWithTags: ['scope:result-application', 'scope:shared', 'type:contract'] },
  { sourceTag: 'scope:orchestrator', onlyDependOnLibsWithTags: ['scope:orchestrator', 'scope:shared', 'type:contract'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', 'type:contract', 'type:workflow'] },
  { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
];

/**
 * Imports that are not of a project: the eslint configs, the one webpack config every service
 * builds with, and the sample indicator library the seed tool loads (its test lives with the domain).
 */
const allow = [
  '^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$',
  '^(\\.\\./)+tools/build/service-webpack\\.config$',
  '^(\\.\\./)+tools/seed/indicator-library\\.sample$',
];

/** What pure domain code may not import: frameworks, drivers, I/O. */
const frameworks = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'kafkajs',
  '@temporalio/*',
  '@eventstore/*',
  'axios',
  'express',
  'class-validator',
  'class-transformer',
  '@bpm/event-store',
  '@bpm/messaging',
  '@bpm/service',
  '@bpm/http',
  '@bpm/config',
  '@bpm/logging',
  '@bpm/workflows',
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow, depConstraints }],
    },
  },
  {
    // The launcher's tests (project `launcher`) exercise deploy/local's scripts, which are no project.
    files: ['deploy/local/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [...allow, '^\\.\\./(paths|pg-layout)$'], depConstraints },
      ],
    },
  },
  {
    // Each project's eslint config extends this one, so patterns are relative to the project.
    files: ['**/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: frameworks,
              message: 'Domain code is pure: deciders and values, no framework and no I/O (see docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
];
