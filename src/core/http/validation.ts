import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { ValidationProblem, type FieldError } from './problem.js';
import { memoizeValidationMetadata } from './validation-metadata-cache.js';
import { ValidationVerdict } from './validation-verdict.js';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * class-validator judges every body and query, but most inputs are valid, and proving that needs none of
 * the error objects it builds: the verdict answers those, and class-validator runs (and words the errors)
 * whenever the verdict is not sure the input passes.
 */
class JudgedValidationPipe extends ValidationPipe {
  private readonly verdict = new ValidationVerdict();

  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    private readonly crossCheck: boolean,
  ) {
    super(options);
  }

  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    if (!ValidationVerdict.covers(options) || !this.verdict.passes(object)) return super.validate(object, options);
    return this.crossCheck ? this.confirm(object, options) : [];
  }

  private async confirm(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    if (errors.length > 0) {
      throw new Error(
        `The validation verdict passed a ${object.constructor.name} that class-validator refuses: ${JSON.stringify(flatten(errors))}`,
      );
    }
    return errors;
  }
}

/** Unknown fields are refused (400), types are converted where the DTO says so. */
export function createValidationPipe(options: { crossCheck?: boolean } = {}): ValidationPipe {
  memoizeValidationMetadata();
  return new JudgedValidationPipe(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationProblem(flatten(errors)),
    },
    options.crossCheck ?? false,
  );
}
