import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { instanceToPlain, plainToInstance, type ClassConstructor, type ClassTransformOptions } from 'class-transformer';
import type { ValidatorOptions } from 'class-validator';
import { plainToDto, sameBuild } from './plain-to-dto.js';
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
 * DTOs are built from the input directly where class-transformer would only copy it (`plain-to-dto.ts`).
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
    // A rule that reads the clock (a date at least now) may pass a value a moment before it fails it: when the
    // verdict, asked again, refuses too, the two agree and class-validator's errors stand.
    if (errors.length > 0 && this.verdict.passes(object)) {
      throw new Error(
        `The validation verdict passed a ${object.constructor.name} that class-validator refuses: ${JSON.stringify(flatten(errors))}`,
      );
    }
    return errors;
  }
}

/** class-transformer's build of the DTO, next to the direct one, when the two are cross-checked. */
function checkedPlainToDto<T>(type: ClassConstructor<T>, plain: unknown, options?: ClassTransformOptions): T {
  const built = plainToDto(type, plain, options);
  if (!sameBuild(built, plainToInstance(type, plain, options))) {
    throw new Error(`The direct build of a ${type.name} differs from class-transformer's for ${JSON.stringify(plain)}`);
  }
  return built;
}

/** Unknown fields are refused (400), types are converted where the DTO says so. */
export function createValidationPipe(options: { crossCheck?: boolean } = {}): ValidationPipe {
  memoizeValidationMetadata();
  return new JudgedValidationPipe(
    {
      transformerPackage: { plainToInstance: options.crossCheck ? checkedPlainToDto : plainToDto, classToPlain: instanceToPlain },
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
