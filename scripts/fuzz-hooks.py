# Schemathesis hooks for `npm run fuzz` (loaded through SCHEMATHESIS_HOOKS by scripts/fuzz.mjs).
import json
import re

import jsonschema_rs
import schemathesis

SEPARATORS = re.compile(r"[\s-]")
PAN = re.compile(r"[0-9]{13,19}")


def looks_like_card_number(value: str) -> bool:
    """The billing card-data guard's rule: 13-19 digits (spaces and dashes aside) passing the Luhn check."""
    digits = SEPARATORS.sub("", value)
    if not PAN.fullmatch(digits):
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = int(char)
        if index % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


# Object keys every route refuses: operator-like ($…, dots), control characters; and the 40-character
# bound of the one free-form map in request bodies (payment metadata, as Stripe bounds it).
REFUSED_KEY = re.compile(r"^\$|\.|\[\$|[\x00-\x1f\x7f]")
MAX_MAP_KEY = 40


def refused(value) -> bool:
    """Whether a body carries what the server refuses by rules OpenAPI 3.0 cannot state."""
    if isinstance(value, str):
        return looks_like_card_number(value)
    if isinstance(value, dict):
        return any(
            REFUSED_KEY.search(key) or not 0 < len(key) <= MAX_MAP_KEY or refused(item) for key, item in value.items()
        )
    if isinstance(value, list):
        return any(refused(item) for item in value)
    return False


# Keyset feeds continue from `after`, an opaque cursor only the feed itself hands out.
CURSOR = "after"


def path_breaks_schema(case) -> bool:
    """Whether a path value breaks its parameter's declared schema (pattern, length, enum).

    Generated values keep to it; a value carried over by a stateful link does not have to (the id of a
    stock catalogue voice fed into a tenant voice's route), and such a request is not a valid one.
    """
    values = case.path_parameters or {}
    for parameter in case.operation.path_parameters:
        value = values.get(parameter.name)
        schema = parameter.definition.get("schema")
        if isinstance(value, str) and schema and not validator_of(schema).is_valid(value):
            return True
    return False


_validators = {}


def validator_of(schema):
    key = json.dumps(schema, sort_keys=True)
    if key not in _validators:
        _validators[key] = jsonschema_rs.validator_for(schema)
    return _validators[key]


@schemathesis.hook
def filter_case(context, case):
    # Card numbers (a Luhn checksum), refused key names (OpenAPI 3.0 has no propertyNames) and forged
    # cursors cannot be told apart in the document; schema-valid requests that carry them are not sent
    # as "valid" ones, nor are requests whose path a link filled against its parameter's schema. Negative cases
    # are left alone.
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive:
        return not refused(case.body) and CURSOR not in (case.query or {}) and not path_breaks_schema(case)
    return True
