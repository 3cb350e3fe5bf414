import { Injectable } from '@nestjs/common';
import { UsersService } from '../identity/users.service.js';

export interface Person {
  id: string;
  email: string;
  displayName: string;
}

const DESK_NAME = 'Atrium Support';

/** What the desk asks identity, through its exported service only: who a user is, whether they are staff, who owns an address. */
@Injectable()
export class SupportPeople {
  constructor(private readonly users: UsersService) {}

  async person(id: string): Promise<Person | undefined> {
    const contact = await this.users.contactOf(id);
    return contact ? { id, email: contact.email, displayName: contact.displayName } : undefined;
  }

  /** A staff or admin user, or undefined for anyone else (unknown ids included). */
  async staffMember(id: string): Promise<{ id: string; displayName: string } | undefined> {
    const user = await this.users.getPublic(id).catch(() => undefined);
    if (!user || (user.role !== 'staff' && user.role !== 'admin')) return undefined;
    return { id: user.id, displayName: user.displayName ?? DESK_NAME };
  }

  /** The desk's name for a staff author, as the requester reads it. */
  async staffName(id: string): Promise<string> {
    return (await this.staffMember(id))?.displayName ?? DESK_NAME;
  }

  /** The user registered with this address, if any (an exact match on the normalized address). */
  async idOfEmail(email: string): Promise<string | undefined> {
    const normalized = email.trim().toLowerCase();
    const page = await this.users.list({ q: normalized, page: 1, limit: 5, skip: 0 });
    return page.items.find((user) => user.email === normalized)?.id;
  }
}
