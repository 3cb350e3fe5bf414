import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { systemContext } from '../../core/auth/request-context.js';
import { AppConfig } from '../../core/config/app-config.js';
import { scoped } from '../../core/database/tenant-scoped.js';
import { EffectsRelay, type EffectRequest } from '../../core/events/index.js';
import { UserDirectory } from '../identity/index.js';
import { MailService } from '../mail/index.js';
import { Invite } from './schemas/invite.schema.js';
import { TenantsRepository } from './tenants.repository.js';

/** The effect an invite owes: its email, with the token in it. */
export const INVITE_MAIL_EFFECT = 'tenancy.invite-mail';

export const inviteMailKey = (inviteId: Types.ObjectId, sendCount: number) => `invite-mail:${inviteId.toString()}:${sendCount}`;

/** What the tenant document owes for one send of an invite. */
export function inviteMailEffect(
  invite: { _id: Types.ObjectId; tenantId: Types.ObjectId },
  sendCount: number,
  token: string,
): EffectRequest {
  return {
    key: inviteMailKey(invite._id, sendCount),
    name: INVITE_MAIL_EFFECT,
    payload: { tenantId: invite.tenantId.toString(), inviteId: invite._id.toString(), sendCount, token },
  };
}

/**
 * Sends an invite's email as an owed effect of its tenant, so a crash neither loses it nor (by the
 * mail key) sends it twice. The token rides in the effect only until the email is queued; then it
 * is removed, so the token lives in the email alone.
 */
@Injectable()
export class InviteMail implements OnModuleInit {
  constructor(
    private readonly relay: EffectsRelay,
    private readonly mail: MailService,
    private readonly users: UserDirectory,
    private readonly tenants: TenantsRepository,
    private readonly config: AppConfig,
    @InjectModel(Invite.name) private readonly invites: Model<Invite>,
  ) {}

  onModuleInit(): void {
    this.relay.handle(INVITE_MAIL_EFFECT, (payload, key) => this.send(payload, key));
  }

  private async send(payload: Record<string, unknown>, key: string): Promise<void> {
    const token = typeof payload.token === 'string' ? payload.token : undefined;
    // No token left: an earlier run queued the email and removed it.
    if (!token) return;
    const tenantId = new Types.ObjectId(String(payload.tenantId));
    const invite = await scoped(this.invites).findOne({ tenantId, _id: new Types.ObjectId(String(payload.inviteId)) });
    const tenant = await this.tenants.findOpen(tenantId);
    // A revoked, accepted or resent invite (or a closed tenant) no longer wants this email.
    if (invite && tenant && invite.status === 'pending' && invite.sendCount === payload.sendCount) {
      const inviter = await this.users.contactOf(invite.invitedBy.toString());
      await this.mail.enqueue(systemContext(key), {
        to: invite.email,
        template: 'tenant-invite',
        variables: {
          tenantName: tenant.name,
          inviterName: inviter?.publicName ?? inviter?.name ?? 'A colleague',
          role: invite.role,
          expiresAt: invite.expiresAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
          url: `${this.config.get('PUBLIC_BASE_URL').replace(/\/+$/, '')}/invites/accept?token=${token}`,
        },
        idempotencyKey: key,
        priority: 5,
      });
    }
    await this.tenants.scrubEffect(tenantId, key, 'token');
  }
}
