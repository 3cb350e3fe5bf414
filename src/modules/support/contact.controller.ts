import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { RateLimit } from '../../core/http/rate-limit.js';
import { ContactService } from './contact.service.js';
import {
  ContactMessageDto,
  ContactMessageQueryDto,
  ContactReceivedDto,
  CreateContactMessageDto,
  TriageContactMessageDto,
} from './dto/contact.dto.js';

const ContactMessagePage = PageOf(ContactMessageDto);

@ApiTags('support')
@Controller()
export class ContactController {
  constructor(private readonly contact: ContactService) {}

  @Post('contact')
  @Public()
  @RateLimit('public')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a message through the contact form (rate limited per address)' })
  @ApiAcceptedResponse({ type: ContactReceivedDto })
  async receive(@Ctx() ctx: RequestContext, @Body() body: CreateContactMessageDto): Promise<ContactReceivedDto> {
    await this.contact.receive(ctx, body);
    return { status: 'received' };
  }

  @Get('support/contact-messages')
  @Roles('staff', 'admin')
  @ApiOperation({ summary: 'Contact messages by status, newest first (staff)' })
  @ApiOkResponse({ type: ContactMessagePage })
  list(@Ctx() ctx: RequestContext, @Query() query: ContactMessageQueryDto): Promise<Page<ContactMessageDto>> {
    return this.contact.list(ctx, query);
  }

  @Post('support/contact-messages/:id/triage')
  @Roles('staff', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Triage a contact message: mark triaged, convert into a ticket, spam or close (staff)' })
  @ApiOkResponse({ type: ContactMessageDto })
  @ApiProblem(404, 'No such contact message')
  @ApiProblem(409, 'Already decided')
  triage(
    @Ctx() ctx: RequestContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: TriageContactMessageDto,
  ): Promise<ContactMessageDto> {
    return this.contact.triage(ctx, id, body);
  }
}
