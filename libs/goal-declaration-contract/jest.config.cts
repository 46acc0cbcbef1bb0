module.exports = {
  displayName: 'goal-declaration-contract',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/goal-declaration-contract',
};
