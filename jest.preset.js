const nxPreset = require('@nx/jest/preset').default;

// SWC instead of ts-jest: type checking belongs to `nx run-many -t typecheck build`,
// and on two cores ts-jest's per-file type check triples the test time.
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  setupFiles: [require('path').join(__dirname, 'tools/test/local-mode.js')],
  // jose ships only as an ES module; let SWC turn it into CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  transform: {
    '^.+\\.[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};
