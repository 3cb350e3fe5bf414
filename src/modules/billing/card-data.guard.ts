import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ValidationProblem, type FieldError } from '../../core/http/problem.js';

/** Field names that only ever carry raw card data. */
const CARD_FIELDS = /^(card_?number|number|pan|cvc|cvv|cvc2|cvv2|security_?code)$/i;

/** Luhn check over 13–19 digits, the shape of a primary account number. */
export function looksLikeCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function findCardData(value: unknown, path: string, found: FieldError[], depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (looksLikeCardNumber(value))
      found.push({ field: path, message: 'looks like a card number; send a provider payment method id instead' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (CARD_FIELDS.test(key)) found.push({ field: childPath, message: 'card numbers and security codes are never accepted' });
    else findCardData(child, childPath, found, depth + 1);
  }
}

/**
 * Card data must never reach our servers or logs (PCI DSS): a body that carries a card number
 * or a CVC is refused before anything else looks at it.
 */
@Injectable()
export class CardDataGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    const found: FieldError[] = [];
    findCardData(body, 'body', found);
    if (found.length > 0) throw new ValidationProblem(found, 'Raw card data is refused; use the payment provider’s client SDK.');
    return true;
  }
}
