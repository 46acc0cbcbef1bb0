// Component tests of the console: React in jsdom, compiled by SWC like the rest of the repo
// (decorators too: the API types check boots the gateway's module in preview).
module.exports = {
  displayName: 'console',
  preset: '../../jest.preset.js',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
  setupFiles: ['<rootDir>/../../tools/test/local-mode.js', '<rootDir>/src/test-setup.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.[tj]sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Ant Design and its helpers ship some ES modules only; so does jose.
  transformIgnorePatterns: ['/node_modules/(?!(@ant-design|antd|rc-[^/]+|@rc-component|@babel/runtime|openapi-fetch|jose)/)'],
};
