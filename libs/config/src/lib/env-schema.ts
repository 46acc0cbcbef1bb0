/**
 * A tiny validated environment reader. A wrong value stops the service at start with a
 * message that names the variable, what it got and what it wants.
 */
export type Rule<T> = { parse(raw: string | undefined, name: string): T };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 (configuration error):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export const env = {
  string(defaultValue?: string): Rule<string> {
    return {
      parse(raw, name) {
        const value = raw ?? defaultValue;
        if (value === undefined || value === '') throw new Error(`${name} is required`);
        return value;
      },
    };
  },
  port(defaultValue: number): Rule<number> {
    return {
      parse(raw, name) {
        const value = raw === undefined || raw === '' ? defaultValue : Number(raw);
        if (!Number.isInteger(value) || value < 1 || value > 65535) {
          throw new Error(`${name} must be a port number 1–65535, got "${raw}"`);
        }
        return value;
      },
    };
  },
  oneOf<const T extends string>(values: readonly T[], defaultValue: T): Rule<T> {
    return {
      parse(raw, name) {
        const value = (raw ?? defaultValue) as T;
        if (!values.includes(value)) {
          throw new Error(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
        }
        return value;
      },
    };
  },
  url(defaultValue: string, protocols: string[]): Rule<string> {
    return {
      parse(raw, name) {
        const value = raw ?? defaultValue;
        let parsed: URL;
        try {
          parsed = new URL(value);
        } catch {
          throw new Error(`${name} must be a URL, got "${value}"`);
        }
        if (!protocols.includes(parsed.protocol)) {
          throw new Error(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
        }
        return value;
      },
    };
  },
  hostPorts(defaultValue: string): Rule<string[]> {
    return {
      parse(raw, name) {
        const list = (raw ?? defaultValue).split(',').map((s) => s.trim());
        for (const item of list) {
          if (!/^[\w.-]+:\d{1,5}$/.test(item)) throw new Error(`${name} must be host:port[,host:port], got "${item}"`);
        }
        return list;
      },
    };
  },
};

type Schema = Record<string, Rule<unknown>>;
export type ConfigOf<S extends Schema> = { [K in keyof S]: S[K] extends Rule<infer T> ? T : never };

/** Reads every variable of the schema; collects all problems before failing. */
export function loadConfig<S extends Schema>(schema: S, source: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(schema)) {
    try {
      out[name] = rule.parse(source[name], name);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return out as ConfigOf<S>;
}
