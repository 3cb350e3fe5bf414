import { HttpStatus, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { actorOf, type RequestContext } from '../../core/auth/request-context.js';
import { EffectsRelay } from '../../core/events/index.js';
import { ProblemException, ValidationProblem } from '../../core/http/problem.js';
import { AuditTrail } from '../audit/index.js';
import { ApplicationAccess, type ApplicantCredentials } from './application-access.js';
import { offerEffects, statusChangeEffects } from './application-notices.js';
import { applicationLifecycle } from './application.lifecycle.js';
import { toApplicationDto } from './application.mapper.js';
import { ApplicationsRepository } from './applications.repository.js';
import { originOf } from '../../core/lifecycle/index.js';
import { CareersConfig } from './careers.config.js';
import type { ApplicationDto } from './dto/application.dto.js';
import type { MakeOfferDto } from './dto/pipeline-input.dto.js';

const DAY_MS = 86_400_000;

export type OfferAnswer = 'accept' | 'decline';

/** Offers: staff make one (the application enters offer_extended), the applicant accepts or declines it before it expires. */
@Injectable()
export class OffersService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly access: ApplicationAccess,
    private readonly relay: EffectsRelay,
    private readonly config: CareersConfig,
    private readonly trail: AuditTrail,
  ) {}

  async make(ctx: RequestContext, id: string, input: MakeOfferDto): Promise<ApplicationDto> {
    const application = await this.access.loadForStaff(ctx, id);
    const now = new Date();
    const expiresAt = new Date(input.expiresAt);
    const maxDays = this.config.CAREERS_OFFER_MAX_DAYS;
    if (expiresAt.getTime() <= now.getTime() || expiresAt.getTime() > now.getTime() + maxDays * DAY_MS)
      throw new ValidationProblem([{ field: 'expiresAt', message: `must be in the future, at most ${maxDays} days from now` }]);
    if (application.status === 'offer_extended')
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'offer-open',
        'Offer already open',
        'The applicant has not answered the current offer yet.',
      );
    applicationLifecycle.assertMove(application.status, 'offer_extended', 'staff');
    const offer = {
      salary: input.salary,
      currency: input.currency,
      startDate: new Date(input.startDate),
      expiresAt,
      madeAt: now,
      madeBy: new Types.ObjectId(actorOf(ctx).id),
    };
    const { moved, document } = await this.applications.move({
      id: application._id,
      to: 'offer_extended',
      origin: originOf(ctx, 'staff', 'offer made'),
      set: { offer },
      // The offer's own notice is the applicant's news of this stage change.
      effects: offerEffects(this.relay, application, expiresAt),
    });
    // The stage and the offer's dates; its terms stay on the application.
    if (moved)
      await this.trail.record(ctx, {
        action: 'application.offer-made',
        targetType: 'application',
        targetId: id,
        before: { status: application.status },
        after: { status: document.status, startDate: offer.startDate, expiresAt },
      });
    return toApplicationDto(document, { staff: true });
  }

  /** The applicant's answer, only while the offer is open: after its expiry 410, after an answer 409. */
  async answer(ctx: RequestContext, id: string, credentials: ApplicantCredentials, answer: OfferAnswer): Promise<ApplicationDto> {
    const { caller, application } = await this.access.loadForApplicant(ctx, id, credentials, 'application.respond-offer');
    const to = answer === 'accept' ? 'offer_accepted' : 'offer_declined';
    applicationLifecycle.assertMove(application.status, to, 'owner');
    const now = new Date();
    if (!application.offer || application.offer.expiresAt.getTime() <= now.getTime())
      throw new ProblemException(HttpStatus.GONE, 'offer-expired', 'Offer expired', 'This offer has expired; please contact us.');
    const { document } = await this.applications.move({
      id: application._id,
      to,
      origin: originOf(caller, 'owner', `offer ${answer === 'accept' ? 'accepted' : 'declined'} by the applicant`),
      set: { 'offer.respondedAt': now },
      effects: statusChangeEffects(this.relay, application, to),
    });
    return toApplicationDto(document, { staff: false });
  }
}
