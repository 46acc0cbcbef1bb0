import { JsonLogger } from './json-logger';

describe('JsonLogger', () => {
  it('writes one JSON object per line with service, level and context', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('monitoring', 'info', (l) => lines.push(l));
    logger.log('started', 'Bootstrap');
    logger.debug('hidden below info');
    logger.error(new Error('boom'));
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ level: 'info', service: 'monitoring', context: 'Bootstrap', msg: 'started' });
    const second = JSON.parse(lines[1]);
    expect(second).toMatchObject({ level: 'error', msg: 'boom' });
    expect(second.stack).toContain('Error: boom');
  });
});
