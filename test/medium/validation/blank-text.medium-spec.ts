import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { ApplicationFieldsDto } from '../../../src/modules/careers/dto/application-input.dto.js';
import { ApplicationNoteDto, InterviewFeedbackDto } from '../../../src/modules/careers/dto/pipeline-input.dto.js';
import { CreatePostingDto, UpdatePostingDto } from '../../../src/modules/careers/dto/posting.dto.js';
import { CreateFeatureDto, UpdateFeatureDto } from '../../../src/modules/entitlements/dto/feature.dto.js';
import { CreatePlanDto, UpdatePlanDto } from '../../../src/modules/entitlements/dto/plan.dto.js';
import {
  NotificationActionDto,
  NotificationAttachmentDto,
  SendNotificationDto,
} from '../../../src/modules/notifications/dto/notification.dto.js';
import { SavedPromptInputDto, UpdateSavedPromptDto } from '../../../src/modules/personalization/dto/saved-prompt-input.dto.js';
import { CreateSkillDto, LearningResourceDto, UpdateSkillDto } from '../../../src/modules/skills/dto/skill-input.dto.js';
import { CommentDto, CreateSuggestionDto } from '../../../src/modules/suggestions/dto/suggestion-input.dto.js';
import { CompanyDto, ProjectDto } from '../../../src/modules/support/dto/consultation-input.dto.js';
import { CreateContactMessageDto } from '../../../src/modules/support/dto/contact.dto.js';
import { CreateTicketDto, NoteDto, ReplyDto } from '../../../src/modules/support/dto/ticket-input.dto.js';
import { CreateTeamDto, UpdateTeamDto } from '../../../src/modules/tenancy/dto/team.dto.js';
import { CreateTenantDto, UpdateTenantDto } from '../../../src/modules/tenancy/dto/tenant-input.dto.js';
import { CreateCallBatchDto } from '../../../src/modules/call-batches/dto/call-batch-input.dto.js';
import { CreateLeadDto, UpdateLeadDto } from '../../../src/modules/leads/dto/lead.dto.js';
import { CreateVoiceAgentDto, UpdateVoiceAgentDto } from '../../../src/modules/voice-agents/dto/voice-agent.dto.js';
import { CreateTenantVoiceDto, UpdateTenantVoiceDto } from '../../../src/modules/voice-agents/dto/voice.dto.js';
import { RegisterForWebinarDto } from '../../../src/modules/webinars/dto/registration-input.dto.js';
import { CreateWebinarDto, UpdateWebinarDto, WebinarHostDto } from '../../../src/modules/webinars/dto/webinar-input.dto.js';

type Dto = new () => object;

/** Text people write for others to read: each field, given spaces alone, must be refused as blank. */
const FIELDS: [Dto, string[]][] = [
  [ApplicationFieldsDto, ['name']],
  [ApplicationNoteDto, ['body']],
  [InterviewFeedbackDto, ['feedback']],
  [CreatePostingDto, ['position', 'department', 'location', 'description']],
  [UpdatePostingDto, ['position', 'department', 'location', 'description']],
  [CreateFeatureDto, ['name']],
  [UpdateFeatureDto, ['name']],
  [CreatePlanDto, ['name']],
  [UpdatePlanDto, ['name']],
  [SendNotificationDto, ['title', 'body']],
  [NotificationActionDto, ['label']],
  [NotificationAttachmentDto, ['name']],
  [SavedPromptInputDto, ['title', 'prompt']],
  [UpdateSavedPromptDto, ['title', 'prompt']],
  [LearningResourceDto, ['title']],
  [CreateSkillDto, ['name']],
  [UpdateSkillDto, ['name']],
  [CreateSuggestionDto, ['title', 'description']],
  [CommentDto, ['body']],
  [CompanyDto, ['name']],
  [ProjectDto, ['summary']],
  [CreateContactMessageDto, ['name', 'subject', 'message']],
  [CreateTicketDto, ['subject', 'message']],
  [ReplyDto, ['body']],
  [NoteDto, ['body']],
  [CreateTeamDto, ['name']],
  [UpdateTeamDto, ['name']],
  [CreateTenantDto, ['name']],
  [UpdateTenantDto, ['name']],
  [RegisterForWebinarDto, ['name']],
  [CreateWebinarDto, ['title']],
  [UpdateWebinarDto, ['title']],
  [WebinarHostDto, ['name']],
  [CreateCallBatchDto, ['name']],
  [CreateLeadDto, ['name']],
  [UpdateLeadDto, ['name']],
  [CreateVoiceAgentDto, ['name']],
  [UpdateVoiceAgentDto, ['name']],
  [CreateTenantVoiceDto, ['providerVoiceId', 'name']],
  [UpdateTenantVoiceDto, ['name']],
];

// Long enough for every minimum length above (a description of 10, a title of 5), so only blankness is judged.
const BLANK = ' '.repeat(12);

/** The messages about `field` when it holds `value`. */
const messagesOn = (dto: Dto, field: string, value: string) =>
  validateSync(plainToInstance(dto, { [field]: value }), { forbidUnknownValues: false })
    .filter((error) => error.property === field)
    .flatMap((error) => Object.values(error.constraints ?? {}));

describe('text people read is never blank', () => {
  it.each(FIELDS.map(([dto, fields]) => [dto.name, dto, fields] as const))('%s', (_name, dto, fields) => {
    for (const field of fields) {
      expect(messagesOn(dto, field, BLANK), field).toContain(`${field} must not be blank`);
      expect(messagesOn(dto, field, 'Plain words that fit'), field).not.toContain(`${field} must not be blank`);
    }
  });
});
