import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The end-to-end project assembles the services themselves: importing apps is its job.
    files: ['**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
