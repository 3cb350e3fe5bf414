import { Injectable } from '@nestjs/common';
import { UserDirectory } from '../identity/index.js';

export interface Person {
  id: string;
  email: string;
  displayName: string;
}

const DESK_NAME = 'Atrium Support';

/** What the desk asks identity's directory: who a user is, whether they are staff, who owns an address. */
@Injectable()
export class SupportPeople {
  constructor(private readonly users: UserDirectory) {}

  async person(id: string): Promise<Person | undefined> {
    const contact = await this.users.contactOf(id);
    return contact ? { id, email: contact.email, displayName: contact.name } : undefined;
  }

  /** A staff or admin user, or undefined for anyone else (unknown ids included). */
  async staffMember(id: string): Promise<{ id: string; displayName: string } | undefined> {
    const [role, contact] = await Promise.all([this.users.roleOf(id), this.users.contactOf(id)]);
    if (role !== 'staff' && role !== 'admin') return undefined;
    return { id, displayName: contact?.publicName ?? DESK_NAME };
  }

  /** The desk's name for a staff author, as the requester reads it. */
  async staffName(id: string): Promise<string> {
    return (await this.staffMember(id))?.displayName ?? DESK_NAME;
  }

  /** The user registered with this address, if any (an exact match on the normalized address). */
  async idOfEmail(email: string): Promise<string | undefined> {
    return this.users.findIdByEmail(email);
  }
}
