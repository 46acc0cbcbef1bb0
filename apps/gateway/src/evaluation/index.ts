export * from './evaluation.client';
export * from './evaluation.module';
