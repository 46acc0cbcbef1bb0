// The console in a real browser (Debian's chromium, headless) against the platform on the real infrastructure.
module.exports = {
  displayName: 'console-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'html'],
};
