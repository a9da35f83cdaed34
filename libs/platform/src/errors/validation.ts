import { ValidationError } from 'class-validator';
import { AppError, FieldViolation } from './app-error';

/** Flattens nested class-validator errors into `a.b[0].c` paths, one entry per bad field. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[], code = 'PLATFORM.VALIDATION_FAILED'): AppError {
  const violations = flattenValidationErrors(errors);
  const fields = violations.map((v) => v.field).join(', ');
  return new AppError('invalid', code, `Invalid input: ${fields}.`, { errors: violations });
}
