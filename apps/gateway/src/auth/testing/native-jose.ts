/**
 * For Jest only. `jose` ships ES modules only; Node loads them through `require` (Node ≥ 20.19)
 * but Jest's own module loader does not, and this app's Jest config does not transform
 * node_modules. A spec that reaches jose therefore starts with
 *
 *   jest.mock('jose', () => require('./testing/native-jose').nativeJose());
 *
 * which hands it Node's own copy. (The lead may instead let the gateway's jest config
 * transform jose; then these lines can go.)
 */
export function nativeJose(): unknown {
  const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module');
  return nodeModule.createRequire(__filename)('jose');
}
