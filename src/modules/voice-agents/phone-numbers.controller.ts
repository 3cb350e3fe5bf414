import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../core/auth/access.decorators.js';
import { Ctx, type RequestContext } from '../../core/auth/request-context.js';
import { ObjectIdPipe } from '../../core/http/object-id.pipe.js';
import { PageOf, type Page } from '../../core/http/pagination.js';
import { ApiProblem } from '../../core/http/problem.dto.js';
import { PHONE_PARAM_PATTERN } from '../../core/phone/index.js';
import {
  CreatePhoneNumberDto,
  PhoneNumberDto,
  PhoneNumberQueryDto,
  ResolvePhoneNumberQueryDto,
  ResolvedPhoneNumberDto,
  UpdatePhoneNumberDto,
} from './dto/phone-number.dto.js';
import { PhoneNumbersService } from './phone-numbers.service.js';

const PhoneNumberPage = PageOf(PhoneNumberDto);

@ApiTags('voice-agents')
@Controller('tenants/:tenantId/phone-numbers')
export class PhoneNumbersController {
  constructor(private readonly numbers: PhoneNumbersService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The tenant’s phone numbers, newest first (members, or staff)' })
  @ApiOkResponse({ type: PhoneNumberPage })
  @ApiProblem(404, 'No such tenant, or not a member')
  list(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Query() query: PhoneNumberQueryDto,
  ): Promise<Page<PhoneNumberDto>> {
    return this.numbers.list(ctx, tenantId, query);
  }

  @Post()
  @Authenticated()
  @ApiOperation({ summary: 'Register a number the tenant rents (owners and admins, or staff)' })
  @ApiCreatedResponse({ type: PhoneNumberDto })
  @ApiProblem(400, 'Not a valid phone number (the error names `number`)')
  @ApiProblem(403, 'Members and viewers do not configure numbers')
  @ApiProblem(404, 'No such tenant, or not a member')
  @ApiProblem(409, 'The number is already registered (`phone-number-taken`), or the tenant holds its maximum')
  @ApiProblem(422, '`defaultAgentId` is not one of the tenant’s agents')
  create(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Body() body: CreatePhoneNumberDto,
  ): Promise<PhoneNumberDto> {
    return this.numbers.create(ctx, tenantId, body);
  }

  @Get('resolve/:number')
  @Authenticated()
  @ApiOperation({
    summary: 'Which of the tenant’s numbers this is, its default agent and, with `from`, the calling lead (members, or staff)',
  })
  @ApiParam({
    name: 'number',
    schema: { type: 'string', pattern: PHONE_PARAM_PATTERN, maxLength: 64 },
    description: 'Any spelling with its country code, URL-encoded (%2B for +)',
    example: '+14155552671',
  })
  @ApiOkResponse({ type: ResolvedPhoneNumberDto })
  @ApiProblem(400, 'Not a valid phone number (the error names `number` or `from`)')
  @ApiProblem(404, 'No such tenant, or not one of its numbers')
  resolve(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('number') number: string,
    @Query() query: ResolvePhoneNumberQueryDto,
  ): Promise<ResolvedPhoneNumberDto> {
    return this.numbers.resolve(ctx, tenantId, number, query.from);
  }

  @Get(':numberId')
  @Authenticated()
  @ApiOperation({ summary: 'One of the tenant’s numbers (members, or staff)' })
  @ApiOkResponse({ type: PhoneNumberDto })
  @ApiProblem(404, 'No such tenant or number')
  get(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('numberId', ObjectIdPipe) numberId: string,
  ): Promise<PhoneNumberDto> {
    return this.numbers.get(ctx, tenantId, numberId);
  }

  @Patch(':numberId')
  @Authenticated()
  @ApiOperation({ summary: 'Change a number’s carrier id, capabilities, status or default agent (owners and admins, or staff)' })
  @ApiOkResponse({ type: PhoneNumberDto })
  @ApiProblem(403, 'Members and viewers do not configure numbers')
  @ApiProblem(404, 'No such tenant or number')
  @ApiProblem(409, 'The status cannot move there (a released number stays released)')
  @ApiProblem(422, '`defaultAgentId` is not one of the tenant’s agents')
  update(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('numberId', ObjectIdPipe) numberId: string,
    @Body() body: UpdatePhoneNumberDto,
  ): Promise<PhoneNumberDto> {
    return this.numbers.update(ctx, tenantId, numberId, body);
  }

  @Delete(':numberId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a number no agent calls from (owners and admins, or staff)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblem(403, 'Members and viewers do not configure numbers')
  @ApiProblem(404, 'No such tenant or number')
  @ApiProblem(409, 'Agents still call from this number (named in `agents`)')
  remove(
    @Ctx() ctx: RequestContext,
    @Param('tenantId', ObjectIdPipe) tenantId: string,
    @Param('numberId', ObjectIdPipe) numberId: string,
  ): Promise<void> {
    return this.numbers.remove(ctx, tenantId, numberId);
  }
}
