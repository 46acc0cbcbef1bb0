export * from './lib/internal-keys';
export * from './lib/internal-token';
export * from './lib/token-times';
export * from './lib/nest/decorators';
export * from './lib/nest/internal-auth.guard';
export * from './lib/nest/internal-auth.module';
export * from './lib/nest/problems';
