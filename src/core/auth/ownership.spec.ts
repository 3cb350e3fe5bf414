import { ForbiddenException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { assertMayAccess, mayAccess } from './ownership.js';
import type { Actor } from './roles.js';

const actor = (role: Actor['role'], id = 'a'): Actor => ({ id, role, sessionId: 's' });

describe('ownership rule', () => {
  it('lets a user touch only their own resources', () => {
    expect(mayAccess(actor('user', 'a'), 'a')).toBe(true);
    expect(mayAccess(actor('user', 'a'), 'b')).toBe(false);
    expect(() => assertMayAccess(actor('user', 'a'), 'b')).toThrow(ForbiddenException);
  });

  it('lets staff and admin act on anyone', () => {
    expect(mayAccess(actor('staff'), 'b')).toBe(true);
    expect(mayAccess(actor('admin'), 'b')).toBe(true);
  });

  it('compares ObjectIds by their string form', () => {
    expect(mayAccess(actor('user', '665f1c2b9d3e4a0012345678'), { toString: () => '665f1c2b9d3e4a0012345678' })).toBe(true);
  });
});
