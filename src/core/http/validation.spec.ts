import { registerDecorator } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ValidationProblem } from './problem.js';
import { createValidationPipe } from './validation.js';

/** A rule whose answers follow one another from a list, as a rule that reads the clock may change its mind. */
function AnswersInTurn(answers: boolean[]) {
  let call = 0;
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'answersInTurn',
      target: target.constructor,
      propertyName,
      validator: { validate: () => answers[call++ % answers.length] },
    });
}

class ClosingSoon {
  @AnswersInTurn([true, false, false]) startsAt: string;
}

class Fickle {
  @AnswersInTurn([true, false]) startsAt: string;
}

const pipe = createValidationPipe({ crossCheck: true });
const check = (metatype: new () => object) => pipe.transform({ startsAt: 'soon' }, { type: 'body', metatype });

describe('the cross-checked validation pipe', () => {
  it('answers 400 when a rule passes a value for the verdict and fails it a moment later, both times after', async () => {
    await expect(check(ClosingSoon)).rejects.toBeInstanceOf(ValidationProblem);
  });

  it('fails loudly when the verdict, asked again, still passes what class-validator refuses', async () => {
    await expect(check(Fickle)).rejects.toThrow(/validation verdict passed a Fickle that class-validator refuses/);
  });
});
