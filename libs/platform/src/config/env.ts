import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation';

/** Thrown at start-up; its message names every missing or bad variable so the operator can fix them at once. */
export class ConfigError extends Error {
  constructor(readonly variables: { name: string; problems: string[] }[]) {
    super('Invalid configuration: ' + variables.map((v) => `${v.name} (${v.problems.join('; ')})`).join(', '));
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment into a class whose properties are the variable names, validated with
 * class-validator decorators. Unknown variables are ignored: the environment holds far more than ours.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(schema, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(flattenValidationErrors(errors).map((v) => ({ name: v.field, problems: v.messages })));
  }
  return config;
}
