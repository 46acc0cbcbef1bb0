// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared build config is a tool, not a project
module.exports = require('../../tools/build/service-webpack.config')(__dirname);
