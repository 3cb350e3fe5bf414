import type { Schema, SchemaType } from 'mongoose';
import { fitsLength, reachesLength } from '../text-length.js';

interface LengthValidator {
  validator: (value: unknown) => boolean;
  type?: string;
  maxlength?: number;
  minlength?: number;
}

/** A string path's own validators, and those of each element when the path is an array of strings. */
function validatorsOf(path: SchemaType): LengthValidator[][] {
  const lists = [path.validators as unknown as LengthValidator[]];
  const element = (path as SchemaType & { embeddedSchemaType?: SchemaType }).embeddedSchemaType;
  if (element?.validators) lists.push(element.validators as unknown as LengthValidator[]);
  return lists;
}

/**
 * Mongoose's `maxlength`/`minlength` compare `String.length`, which counts an emoji as two: a value the
 * DTO and the API document accept (they count characters) would then fail at the database layer with a
 * 400 the caller cannot explain. This plugin makes every schema count characters too. Registered as a
 * global plugin, so it reaches each subdocument schema as well.
 */
export function characterLengths(schema: Schema): void {
  schema.eachPath((_name, path) => {
    for (const validators of validatorsOf(path)) {
      for (const entry of validators) {
        if (entry.type === 'maxlength' && typeof entry.maxlength === 'number') {
          const max = entry.maxlength;
          entry.validator = (value) => value == null || (typeof value === 'string' && fitsLength(value, max));
        } else if (entry.type === 'minlength' && typeof entry.minlength === 'number') {
          const min = entry.minlength;
          entry.validator = (value) => value == null || (typeof value === 'string' && reachesLength(value, min));
        }
      }
    }
  });
}
